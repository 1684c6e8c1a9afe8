/**
 * Cloudflare Access in front of the console: when ACCESS_TEAM_DOMAIN and ACCESS_AUD are set, the JWT Access
 * adds to every request it lets through (`Cf-Access-Jwt-Assertion`) names who the team's identity provider
 * signed in. Verified here against the team's published keys (signature, issuer, audience, expiry) with
 * jose, its e-mail address can stand in for the e-mail link: the sign-in page offers a button for it.
 */
import { createRemoteJWKSet, jwtVerify } from "jose";

// Per isolate and team: jose caches the key set and fetches it again when a new key id appears.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

function keysOf(team: string) {
  let keys = keySets.get(team);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(`${team}/cdn-cgi/access/certs`), { timeoutDuration: 5000 });
    keySets.set(team, keys);
  }
  return keys;
}

/** Whether this deployment is configured to trust Cloudflare Access. */
export function accessConfigured(env: Env): boolean {
  return !!env.ACCESS_TEAM_DOMAIN && !!env.ACCESS_AUD;
}

/** The lower-cased e-mail address a valid Access JWT on this request names, else undefined. */
export async function accessEmail(env: Env, header: string | undefined): Promise<string | undefined> {
  if (!accessConfigured(env) || !header) return undefined;
  const team = (env.ACCESS_TEAM_DOMAIN ?? "").replace(/\/+$/, "");
  try {
    const { payload } = await jwtVerify(header, keysOf(team), {
      issuer: team,
      audience: env.ACCESS_AUD ?? "",
      algorithms: ["RS256"],
    });
    return typeof payload.email === "string" ? payload.email.toLowerCase() : undefined;
  } catch {
    // Forged, expired, for another application or team: as if there were none.
    return undefined;
  }
}
