import { describe, expect, it } from "vitest";
import { NJS_MODULE, renderNginxConfig } from "./render-config";

const base = { prefix: "/var/lib/lectern-nginx", listen: "8080", mediaRoot: "/srv/media", upstreams: ["127.0.0.1:3000"] };
const live = (conf: string) => conf.split("\n").filter((l) => !/^\s*#/.test(l)).join("\n");

describe("renderNginxConfig", () => {
  it("balances across every upstream instance and leaves no placeholder behind", () => {
    const conf = renderNginxConfig({ ...base, mode: "app", upstreams: ["127.0.0.1:3000", "127.0.0.1:3001"] });
    expect(conf).toContain("server 127.0.0.1:3000 max_fails=1 fail_timeout=5s;");
    expect(conf).toContain("server 127.0.0.1:3001 max_fails=1 fail_timeout=5s;");
    expect(live(conf)).not.toMatch(/\{\{/);
    expect(conf).toContain("alias /srv/media/;");
  });

  it("njs mode loads the module by absolute path, or not at all inside Debian's own nginx.conf", () => {
    const standalone = live(renderNginxConfig({ ...base, mode: "njs" }));
    expect(standalone).toContain(`load_module ${NJS_MODULE};`);
    expect(standalone).toContain("env LECTERN_MEDIA_KEY;");
    expect(standalone).toContain("js_content lectern.serveMedia;");
    const inDebian = live(renderNginxConfig({ ...base, mode: "njs", loadNjsModule: false }));
    expect(inDebian).not.toContain("load_module");
    expect(inDebian).toContain("env LECTERN_MEDIA_KEY;");
    expect(live(renderNginxConfig({ ...base, mode: "app" }))).not.toMatch(/load_module|js_content|LECTERN_MEDIA_KEY/);
  });

  it("logs the upstream that served each request unless asked not to", () => {
    expect(renderNginxConfig({ ...base, mode: "app" })).toMatch(/upstream=\$upstream_addr/);
    expect(renderNginxConfig({ ...base, mode: "app" })).toContain("access_log /var/lib/lectern-nginx/access.log lectern;");
    expect(live(renderNginxConfig({ ...base, mode: "app", accessLog: false }))).toContain("access_log off;");
  });

  it.each([
    [{ upstreams: [] }, "upstream"],
    [{ upstreams: ["localhost"] }, "host:port"],
    [{ prefix: "relative/dir" }, "absolute"],
    [{ mediaRoot: "media" }, "absolute"],
    [{ listen: "8080; evil" }, "port"],
  ])("refuses %j", (over, message) => {
    expect(() => renderNginxConfig({ ...base, mode: "app", ...over })).toThrow(message);
  });
});
