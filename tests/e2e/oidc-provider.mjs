// A real OpenID Connect provider for the e2e suite: panva's oidc-provider (the certified
// Node.js implementation) on loopback, with its development login page (any password).
// It knows everyone: the login name becomes the account, its 学号/工号 claim
// (preferred_username) and its name — so a person the provider knows but 网签 does not can
// be tried. Started by tests/e2e/global-setup.ts as a child process (oidc-provider is ESM only).
// argv: <port> <client redirect URI>; prints "oidc-provider ready <issuer>" when listening.
import Provider from "oidc-provider";

const [port, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: "wangqian-e2e",
      client_secret: "wangqian-e2e-secret-0123456789",
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  async findAccount(_ctx, id) {
    return { accountId: id, claims: async () => ({ sub: `idp-${id}`, preferred_username: id, name: `统一身份${id}` }) };
  },
  claims: { openid: ["sub"], profile: ["preferred_username", "name"] },
  conformIdTokenClaims: false, // the 学号 claim in the ID token itself
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  cookies: { keys: ["e2e-cookie-key-0123456789abcdef"] },
});
// what the provider refused, and why (the app's own log says only "invalid_grant")
for (const event of ["grant.error", "authorization.error", "server_error"]) {
  provider.on(event, (ctx, error) =>
    console.error(`[oidc-provider] ${event}: ${error.message} ${error.error_detail ?? ""} (redirect_uri ${ctx?.oidc?.params?.redirect_uri ?? "-"})`),
  );
}
provider.listen(Number(port), "127.0.0.1", () => console.log(`oidc-provider ready ${issuer}`));
