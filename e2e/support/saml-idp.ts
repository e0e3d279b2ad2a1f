// A REAL SAML 2.0 identity provider on 127.0.0.1 for the single sign-on tests (integration and
// e2e) and `npm run dev:saml`, built on samlify's IdentityProvider (the library @better-auth/sso
// uses on the service-provider side). Not a mock of the protocol: it publishes IdP metadata with
// its signing certificate, parses the app's AuthnRequest (HTTP-Redirect binding, deflated), and
// answers with a Response whose assertion it signs (RSA-SHA256, exclusive c14n) with a key made
// for it at start, posted back to the app's Assertion Consumer Service by an auto-submitting form
// (HTTP-POST binding): the browser's cross-site POST. Only the login screen is a stand-in: any
// address, any password, as the OIDC test provider does (oidc-provider.ts).
//
// `respond(...)` is the same response builder the login form uses, for the integration tests
// that vary one thing at a time (unsigned, signed with another key, another audience, expired).
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { XMLValidator } from "fast-xml-parser";
import * as samlify from "samlify";
import { makeSigningKey, type TSigningKey } from "./saml-signing-key";

export { makeSigningKey, type TSigningKey };

const POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

// samlify refuses to parse anything until a schema validator is set (@better-auth/sso sets the
// same well-formedness check in the app's process; this one is for the IdP's own process).
samlify.setSchemaValidator({
  async validate(xml: string) {
    if (XMLValidator.validate(xml, { allowBooleanAttributes: true }) === true) return "SUCCESS_VALIDATE_XML";
    throw new Error("ERR_INVALID_XML");
  },
});

export type TSamlIdpOptions = {
  /** 0 (default): a free port. */
  port?: number;
  /** The service provider it answers: the app's SP entity id and Assertion Consumer Service URL. */
  sp: { entityId: string; acsUrl: string };
  /** Default: `<origin>/metadata`. */
  entityId?: string;
  /** Default: a fresh one (makeSigningKey). */
  signingKey?: TSigningKey;
};

export type TSamlResponseInput = {
  /** The AuthnRequest's ID (InResponseTo); omitted for an unsolicited (IdP-initiated) response. */
  inResponseTo?: string;
  email: string;
  name?: string;
  /** Default: the SP's entity id. */
  audience?: string;
  /** Default: now. The assertion is valid from here for five minutes. */
  issuedAt?: Date;
  /** "assertion" (default; what the app requires), "response" (only the outer message), "none". */
  sign?: "assertion" | "response" | "none";
  /** Default: the IdP's own key. Another key makes a signature the app must not accept. */
  signingKey?: TSigningKey;
  /** Default: the IdP's entity id. */
  issuer?: string;
};

export type TSamlIdp = {
  entityId: string;
  /** The SingleSignOnService (HTTP-Redirect): the "entry point". */
  ssoUrl: string;
  metadataUrl: string;
  /** IdP metadata XML (entity id, SSO service, signing certificate). */
  metadata: string;
  /** The signing certificate (PEM). */
  certificate: string;
  /** A base64 SAMLResponse, as the login form posts it. */
  respond(input: TSamlResponseInput): Promise<string>;
  close(): Promise<void>;
};

const RESPONSE_TEMPLATE =
  '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="{ID}" Version="2.0" IssueInstant="{IssueInstant}" Destination="{Destination}" InResponseTo="{InResponseTo}">' +
  "<saml:Issuer>{Issuer}</saml:Issuer>" +
  '<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>' +
  '<saml:Assertion xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="{AssertionID}" Version="2.0" IssueInstant="{IssueInstant}">' +
  "<saml:Issuer>{Issuer}</saml:Issuer>" +
  `<saml:Subject><saml:NameID Format="${EMAIL_FORMAT}">{NameID}</saml:NameID>` +
  '<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer"><saml:SubjectConfirmationData NotOnOrAfter="{NotOnOrAfter}" Recipient="{Destination}" InResponseTo="{InResponseTo}"/></saml:SubjectConfirmation></saml:Subject>' +
  '<saml:Conditions NotBefore="{IssueInstant}" NotOnOrAfter="{NotOnOrAfter}"><saml:AudienceRestriction><saml:Audience>{Audience}</saml:Audience></saml:AudienceRestriction></saml:Conditions>' +
  '<saml:AuthnStatement AuthnInstant="{IssueInstant}" SessionIndex="{SessionIndex}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>' +
  "<saml:AttributeStatement>" +
  '<saml:Attribute Name="email" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue xsi:type="xs:string">{Email}</saml:AttributeValue></saml:Attribute>' +
  '<saml:Attribute Name="displayName" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:basic"><saml:AttributeValue xsi:type="xs:string">{DisplayName}</saml:AttributeValue></saml:Attribute>' +
  "</saml:AttributeStatement></saml:Assertion></samlp:Response>";

const newId = () => `_${crypto.randomUUID()}`;

export async function startSamlIdp(options: TSamlIdpOptions): Promise<TSamlIdp> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const entityId = options.entityId ?? `${origin}/metadata`;
  const ssoUrl = `${origin}/sso`;
  const key = options.signingKey ?? makeSigningKey();

  const identityProvider = (signingKey: TSigningKey) =>
    samlify.IdentityProvider({
      entityID: entityId,
      privateKey: signingKey.privateKey,
      signingCert: signingKey.certificate,
      singleSignOnService: [{ Binding: REDIRECT_BINDING, Location: ssoUrl }],
      nameIDFormat: [EMAIL_FORMAT],
      requestSignatureAlgorithm: "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256",
    });
  const idp = identityProvider(key);
  // The app as this IdP knows it. Its own metadata asks for signed assertions
  // (WantAssertionsSigned); "response" signing uses a copy that does not.
  const serviceProvider = (wantAssertionsSigned: boolean) =>
    samlify.ServiceProvider({
      entityID: options.sp.entityId,
      assertionConsumerService: [{ Binding: POST_BINDING, Location: options.sp.acsUrl }],
      wantAssertionsSigned,
    });
  const sp = serviceProvider(true);

  async function respond(input: TSamlResponseInput): Promise<string> {
    const issuedAt = input.issuedAt ?? new Date();
    const values = {
      ID: newId(),
      AssertionID: newId(),
      IssueInstant: issuedAt.toISOString(),
      NotOnOrAfter: new Date(issuedAt.getTime() + 5 * 60_000).toISOString(),
      Destination: options.sp.acsUrl,
      InResponseTo: input.inResponseTo,
      Issuer: input.issuer ?? entityId,
      Audience: input.audience ?? options.sp.entityId,
      NameID: input.email,
      Email: input.email,
      DisplayName: input.name ?? input.email.split("@")[0]!,
      SessionIndex: newId(),
    };
    const xml = samlify.SamlLib.replaceTagsByValue(RESPONSE_TEMPLATE, values);
    const sign = input.sign ?? "assertion";
    if (sign === "none") return Buffer.from(xml).toString("base64");
    const signer = input.signingKey ? identityProvider(input.signingKey) : idp;
    const { context } = await signer.createLoginResponse(serviceProvider(sign === "assertion"), { extract: { request: { id: values.InResponseTo ?? "" } } }, "post", {}, {
      customTagReplacement: () => ({ id: values.ID, context: xml }),
    });
    return context;
  }

  server.on("request", (req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
      res.end(`SAML IdP: ${(error as Error).message ?? error}\n`);
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", origin);
    if (req.method === "GET" && url.pathname === "/metadata") {
      res.writeHead(200, { "content-type": "application/samlmetadata+xml" });
      res.end(idp.getMetadata());
      return;
    }
    if (req.method === "GET" && url.pathname === "/sso") {
      // The app's AuthnRequest, parsed (inflated, validated, its issuer read) by samlify.
      const query = Object.fromEntries(url.searchParams);
      const parsed = await idp.parseLoginRequest(sp, "redirect", { query, octetString: url.search.slice(1) });
      const requestId = (parsed.extract as { request?: { id?: string } }).request?.id;
      if (!requestId) throw new Error("the AuthnRequest has no ID");
      page(res, "Sign in — Test SAML IdP", loginForm(requestId, query.RelayState ?? ""));
      return;
    }
    if (req.method === "POST" && url.pathname === "/sso/login") {
      const form = new URLSearchParams(await readBody(req));
      const email = (form.get("login") ?? "").trim();
      if (!email.includes("@")) {
        page(res, "Sign in — Test SAML IdP", `<p role="alert">Enter an e-mail address.</p>${loginForm(form.get("request") ?? "", form.get("RelayState") ?? "")}`);
        return;
      }
      const samlResponse = await respond({ inResponseTo: form.get("request") ?? undefined, email });
      page(res, "Signing you in…", postBack(options.sp.acsUrl, samlResponse, form.get("RelayState") ?? ""));
      return;
    }
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end("Not found\n");
  }

  return {
    entityId,
    ssoUrl,
    metadataUrl: `${origin}/metadata`,
    metadata: idp.getMetadata(),
    certificate: key.certificate,
    respond,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const escape = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

function page(res: http.ServerResponse, title: string, body: string) {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
  res.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>` +
      `<body style="font-family: sans-serif; max-width: 28rem; margin: 2rem auto; padding: 0 1rem"><h1>Test SAML IdP</h1>${body}</body></html>`,
  );
}

function loginForm(requestId: string, relayState: string): string {
  return (
    '<form method="post" action="/sso/login">' +
    `<input type="hidden" name="request" value="${escape(requestId)}"><input type="hidden" name="RelayState" value="${escape(relayState)}">` +
    '<p><label>E-mail <input name="login" type="email" autocomplete="username" required></label></p>' +
    '<p><label>Password <input name="password" type="password" autocomplete="current-password"></label></p>' +
    '<p><button type="submit">Sign in</button></p></form>' +
    '<p><small>A test identity provider: any address, any password.</small></p>'
  );
}

/** The HTTP-POST binding: a form the browser submits to the app's ACS at once. */
function postBack(acsUrl: string, samlResponse: string, relayState: string): string {
  return (
    `<form method="post" action="${escape(acsUrl)}">` +
    `<input type="hidden" name="SAMLResponse" value="${escape(samlResponse)}">` +
    (relayState ? `<input type="hidden" name="RelayState" value="${escape(relayState)}">` : "") +
    '<p>Signing you in… <button type="submit">Continue</button></p></form>' +
    "<script>document.forms[0].submit()</script>"
  );
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) reject(new Error("request body too large"));
    });
    req.on("end", () => resolve(body));
    req.on("error", reject);
  });
}
