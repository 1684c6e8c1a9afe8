// What the HTTP benchmarks share: a session signed in the way a person signs in (the link from the dev
// outbox), and request latencies measured one client at a time, as p50 and p99.

const FORM = (origin: string) => ({ "Content-Type": "application/x-www-form-urlencoded", Origin: origin });

/** A session cookie for `email`: the console's, or the employers' pool's, through its sign-in link. */
export async function linkSession(origin: string, email: string, kind: "console" | "employer" = "console") {
  const base = kind === "console" ? "/console/sign-in" : "/arbeitgeber/anmelden";
  await fetch(`${origin}${base}`, { method: "POST", headers: FORM(origin), body: new URLSearchParams({ email }) });
  const { data } = (await (await fetch(`${origin}/dev/outbox.json`)).json()) as {
    data: { to_address: string; text: string }[];
  };
  const token = /token=([A-Za-z0-9_-]{43})/.exec(data.find((m) => m.to_address === email)?.text ?? "")?.[1] ?? "";
  const res = await fetch(`${origin}${base}/link`, {
    method: "POST",
    headers: FORM(origin),
    body: new URLSearchParams({ token }),
    redirect: "manual",
  });
  const cookie = /__Host-hv-(staff|employer)=[^;]+/.exec(res.headers.get("Set-Cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`could not sign in ${email}`);
  return cookie;
}

export function quantiles(ms: number[]): { p50: number; p99: number } {
  ms.sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

/** `runs` requests one after another; each answer is read whole, and handed to `each` if given. */
export async function fetchTimes(
  url: string,
  runs: number,
  cookie?: string,
  each?: (res: Response) => void,
): Promise<{ p50: number; p99: number }> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const res = await fetch(url, { headers: cookie ? { Cookie: cookie } : {} });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    ms.push(performance.now() - start);
    each?.(res);
  }
  return quantiles(ms);
}
