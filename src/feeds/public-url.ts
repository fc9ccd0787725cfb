/**
 * Refusing URLs that point into the machine or its private network (loopback,
 * private ranges, link-local, unique-local IPv6), so that a submitted feed or
 * page URL cannot make the server fetch its own neighbours.
 */
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";

/** Resolves a host name to all its addresses (node's `dns.lookup` with `all: true`). */
export type Lookup = (hostname: string) => Promise<{ address: string }[]>;

const defaultLookup: Lookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** IPv4 ranges refused: [first octets as a number, prefix length, name]. */
const V4_RANGES: [string, number, string][] = [
  ["0.0.0.0", 8, "this network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "shared (carrier NAT)"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local"],
  ["172.16.0.0", 12, "private"],
  ["192.168.0.0", 16, "private"],
];

function v4Number(address: string): number {
  return address.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

/** The kind of private address an IPv4 address is, or null when it is public. */
function privateV4(address: string): string | null {
  const n = v4Number(address);
  for (const [base, bits, name] of V4_RANGES) {
    const size = 2 ** (32 - bits);
    if (Math.floor(n / size) === Math.floor(v4Number(base) / size)) return name;
  }
  return null;
}

/** The 8 groups of an IPv6 address as numbers (an embedded IPv4 tail becomes two groups). */
function v6Groups(address: string): number[] {
  let a = address.toLowerCase().split("%")[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (v4) {
    const n = v4Number(v4[1]!);
    a = `${a.slice(0, -v4[1]!.length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = a.includes("::") ? a.split("::") : [a, null];
  const h = head ? head.split(":").map((g) => parseInt(g, 16)) : [];
  if (tail === null) return h;
  const t = tail ? tail.split(":").map((g) => parseInt(g, 16)) : [];
  return [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
}

/** The kind of private address an IPv6 address is, or null when it is public. */
function privateV6(address: string): string | null {
  const g = v6Groups(address);
  if (g.length !== 8) return "unreadable";
  if (g.every((x) => x === 0)) return "unspecified";
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return "loopback";
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) addresses are their IPv4 address.
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) {
    return privateV4(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`);
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return "unique-local";
  if ((g[0]! & 0xffc0) === 0xfe80) return "link-local";
  return null;
}

/** The kind of private or local address `address` is (an IPv4 or IPv6 literal), or null when it is public. */
export function privateAddressKind(address: string): string | null {
  const family = isIP(address);
  if (family === 4) return privateV4(address);
  if (family === 6) return privateV6(address);
  return null;
}

/**
 * Why `url` must not be fetched from a public service, or null when it may be:
 * not an http(s) URL, `localhost`, or a host that is or resolves to a loopback,
 * private, link-local or unique-local address (every address it resolves to is
 * checked). A host that does not resolve is refused too, with that reason.
 * Note: the fetch resolves the name again, so a host whose DNS answer changes
 * in between is not caught here.
 */
export async function checkPublicUrl(url: string, lookup: Lookup = defaultLookup): Promise<string | null> {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `${JSON.stringify(url)} is not a valid URL`;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return `${u.href} is not an http(s) URL`;
  const host = u.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return `${u.href} names this machine (${host}); private addresses are not fetched`;
  if (isIP(host)) {
    const kind = privateAddressKind(host);
    return kind ? `${u.href} is a ${kind} address; private addresses are not fetched` : null;
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookup(host);
  } catch (e) {
    return `${u.href}: host ${host} not found (${(e as { code?: string }).code ?? (e instanceof Error ? e.message : String(e))})`;
  }
  if (addresses.length === 0) return `${u.href}: host ${host} not found`;
  for (const { address } of addresses) {
    const kind = privateAddressKind(address);
    if (kind) return `${u.href}: host ${host} resolves to ${address}, a ${kind} address; private addresses are not fetched`;
  }
  return null;
}
