import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseProvider, loadEnv } from "./env";

describe("loadEnv", () => {
  it("defaults to embedded SQLite, local media and a development secret", () => {
    const env = loadEnv({});
    expect(env.DATABASE_URL).toBe("file:./data/lectern.db");
    expect(env.MEDIA_ROOT).toBe(path.resolve("media"));
    expect(env.UPLOAD_ROOT).toBe(path.resolve("data/uploads"));
    expect(env.UPLOAD_MAX_BYTES).toBe(8 * 1024 ** 3);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.LECTERN_SECRET.length).toBeGreaterThanOrEqual(32);
  });

  it("names the variable and the problem", () => {
    expect(() => loadEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must be a file: URL/);
    expect(() => loadEnv({ PORT: "99999" })).toThrow(/PORT/);
    expect(() => loadEnv({ LECTERN_SECRET: "short" })).toThrow(/LECTERN_SECRET: must be at least 32/);
    expect(() => loadEnv({ UPLOAD_MAX_BYTES: "lots" })).toThrow(/UPLOAD_MAX_BYTES/);
    expect(() => loadEnv({ UPLOAD_MAX_BYTES: "1000" })).toThrow(/UPLOAD_MAX_BYTES/);
  });

  it("requires a real secret in production, except while building", () => {
    expect(() => loadEnv({ NODE_ENV: "production" })).toThrow(/LECTERN_SECRET: required in production/);
    expect(() => loadEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" })).not.toThrow();
  });

  it("requires Stripe keys when Stripe is the payment provider", () => {
    expect(() => loadEnv({ PAYMENT_PROVIDER: "stripe" })).toThrow(/STRIPE_SECRET_KEY/);
  });

  it("takes PLAYER_MP4_ORIGIN as an origin only", () => {
    expect(loadEnv({}).PLAYER_MP4_ORIGIN).toBeUndefined();
    expect(loadEnv({ PLAYER_MP4_ORIGIN: "https://media.example.com/" }).PLAYER_MP4_ORIGIN).toBe("https://media.example.com");
    expect(loadEnv({ PLAYER_MP4_ORIGIN: "http://localhost:3000" }).PLAYER_MP4_ORIGIN).toBe("http://localhost:3000");
    for (const bad of ["media.example.com", "ftp://media.example.com", "https://media.example.com/media", "https://media.example.com/?a=1", "https://u:p@media.example.com", "https://*.com", "https://media.example.com;sandbox", "https://a.com,b.com", "https://a.com'", 'https://a.com"']) {
      expect(() => loadEnv({ PLAYER_MP4_ORIGIN: bad }), bad).toThrow(/PLAYER_MP4_ORIGIN: must (be an|name one host)/);
    }
  });

  it("takes an http PLAYER_MP4_ORIGIN only for an http site (mixed content otherwise)", () => {
    expect(loadEnv({ APP_URL: "http://127.0.0.1:3000", PLAYER_MP4_ORIGIN: "http://localhost:3000" }).PLAYER_MP4_ORIGIN).toBe("http://localhost:3000");
    expect(loadEnv({ APP_URL: "https://courses.example.com", PLAYER_MP4_ORIGIN: "https://media.example.com" }).PLAYER_MP4_ORIGIN).toBe("https://media.example.com");
    expect(loadEnv({ PLAYER_MP4_ORIGIN: "http://[::1]:3000" }).PLAYER_MP4_ORIGIN).toBe("http://[::1]:3000");
    expect(() => loadEnv({ APP_URL: "https://courses.example.com", PLAYER_MP4_ORIGIN: "http://media.example.com" })).toThrow(/PLAYER_MP4_ORIGIN: must be https/);
  });

  it("tells the providers apart", () => {
    expect(databaseProvider("postgresql://u@h/db")).toBe("postgres");
    expect(databaseProvider("postgres://u@h/db")).toBe("postgres");
    expect(databaseProvider("file:./x.db")).toBe("sqlite");
  });
});
