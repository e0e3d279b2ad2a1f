// Tests run server code directly; the real "server-only" guards the client bundle.
export {};
