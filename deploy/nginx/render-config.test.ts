import { describe, expect, it } from "vitest";
import { NJS_MODULE, http2SyntaxOf, renderNginxConfig, tlsFromOptions } from "./render-config";

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

describe("renderNginxConfig with TLS", () => {
  const tls = { cert: "/etc/lectern/cert.pem", key: "/etc/lectern/key.pem" };

  it("listens with ssl and HTTP/2 in the installed nginx's syntax, and names the certificate", () => {
    const old = live(renderNginxConfig({ ...base, mode: "app", tls, http2Syntax: "listen" }));
    expect(old).toContain("listen 8080 ssl http2;");
    expect(old).not.toContain("http2 on;");
    expect(old).toContain("ssl_certificate /etc/lectern/cert.pem;");
    expect(old).toContain("ssl_certificate_key /etc/lectern/key.pem;");
    const current = live(renderNginxConfig({ ...base, mode: "njs", tls, http2Syntax: "directive" }));
    expect(current).toContain("listen 8080 ssl;");
    expect(current).toContain("http2 on;");
    expect(current).toContain("js_content lectern.serveMedia;");
  });

  it("stays plain HTTP without it", () => {
    const plain = live(renderNginxConfig({ ...base, mode: "app" }));
    expect(plain).toContain("listen 8080;");
    expect(plain).not.toMatch(/ssl|http2/);
  });

  it("refuses relative certificate paths", () => {
    expect(() => renderNginxConfig({ ...base, mode: "app", tls: { ...tls, key: "key.pem" } })).toThrow("absolute");
  });
});

describe("http2SyntaxOf", () => {
  it.each([
    ["nginx version: nginx/1.22.1", "listen"],
    ["nginx version: nginx/1.25.0", "listen"],
    ["nginx version: nginx/1.25.1", "directive"],
    ["nginx version: nginx/1.27.4", "directive"],
    ["nginx version: nginx/2.0.0", "directive"],
    [null, "listen"],
  ])("%s → %s", (version, syntax) => {
    expect(http2SyntaxOf(version)).toBe(syntax);
  });
});

describe("tlsFromOptions (--tls-cert, --tls-key)", () => {
  const files = new Set(["/etc/lectern/cert.pem", "/etc/lectern/key.pem"]);
  const parse = (o: { "tls-cert"?: string; "tls-key"?: string }) => tlsFromOptions(o, (p) => (p.startsWith("/") ? p : `/etc/lectern/${p}`), (p) => files.has(p));

  it("is off with neither, and resolves both paths", () => {
    expect(parse({})).toBeUndefined();
    expect(parse({ "tls-cert": "cert.pem", "tls-key": "/etc/lectern/key.pem" })).toEqual({ cert: "/etc/lectern/cert.pem", key: "/etc/lectern/key.pem" });
  });

  it.each([
    [{ "tls-cert": "cert.pem" }, "--tls-cert needs --tls-key"],
    [{ "tls-key": "key.pem" }, "--tls-key needs --tls-cert"],
    [{ "tls-cert": "missing.pem", "tls-key": "key.pem" }, "--tls-cert: no file at /etc/lectern/missing.pem"],
    [{ "tls-cert": "cert.pem", "tls-key": "/nope/key.pem" }, "--tls-key: no file at /nope/key.pem"],
  ])("refuses %j, naming the option", (options, message) => {
    expect(() => parse(options)).toThrow(message);
  });

  it("checks real files by default (a directory is no certificate)", () => {
    expect(() => tlsFromOptions({ "tls-cert": __dirname, "tls-key": __filename })).toThrow("--tls-cert: no file at");
  });
});
