/**
 * Which IP addresses the safe fetcher may connect to. Everything that is not a globally routable
 * unicast address is refused: loopback, private, link-local (incl. the cloud metadata address
 * 169.254.169.254), CGNAT, multicast, unspecified, broadcast, documentation and reserved ranges,
 * and every IPv6 form that embeds an IPv4 address (mapped, compatible, 6to4, NAT64, Teredo).
 */
import { BlockList, isIP } from "node:net";

/** [prefix, length, reason] of every refused IPv4 range. */
const V4_RANGES: [string, number, string][] = [
  ["0.0.0.0", 8, "unspecified/this-network"],
  ["10.0.0.0", 8, "private"],
  ["100.64.0.0", 10, "carrier-grade NAT"],
  ["127.0.0.0", 8, "loopback"],
  ["169.254.0.0", 16, "link-local/cloud metadata"],
  ["172.16.0.0", 12, "private"],
  ["192.0.0.0", 24, "IETF protocol assignments"],
  ["192.0.2.0", 24, "documentation"],
  ["192.88.99.0", 24, "6to4 relay"],
  ["192.168.0.0", 16, "private"],
  ["198.18.0.0", 15, "benchmarking"],
  ["198.51.100.0", 24, "documentation"],
  ["203.0.113.0", 24, "documentation"],
  ["224.0.0.0", 4, "multicast"],
  ["240.0.0.0", 4, "reserved/broadcast"],
];

/** [prefix, length, reason] of every refused IPv6 range. */
const V6_RANGES: [string, number, string][] = [
  ["::", 128, "unspecified"],
  ["::1", 128, "loopback"],
  ["::", 96, "IPv4-compatible IPv6"],
  ["::ffff:0:0", 96, "IPv4-mapped IPv6"],
  ["64:ff9b::", 96, "NAT64 (embeds IPv4)"],
  ["64:ff9b:1::", 48, "NAT64 (embeds IPv4)"],
  ["100::", 64, "discard-only"],
  ["2001::", 32, "Teredo (embeds IPv4)"],
  ["2001:db8::", 32, "documentation"],
  ["2002::", 16, "6to4 (embeds IPv4)"],
  ["fc00::", 7, "unique-local (private)"],
  ["fe80::", 10, "link-local"],
  ["fec0::", 10, "site-local (deprecated)"],
  ["ff00::", 8, "multicast"],
];

function buildList(ranges: [string, number, string][], type: "ipv4" | "ipv6"): { list: BlockList; reason: string }[] {
  return ranges.map(([prefix, len, reason]) => {
    const list = new BlockList();
    list.addSubnet(prefix, len, type);
    return { list, reason };
  });
}

const V4 = buildList(V4_RANGES, "ipv4");
const V6 = buildList(V6_RANGES, "ipv6");

/**
 * Strips the brackets of a URL-style IPv6 host and any zone id (`fe80::1%eth0`).
 *
 * @example
 * bareAddress("[::1]") // "::1"
 */
export function bareAddress(host: string): string {
  let h = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  const zone = h.indexOf("%");
  if (zone >= 0) h = h.slice(0, zone);
  return h;
}

/**
 * Why an IP address is not a public unicast address, or null when it is public.
 * Returns "not an IP address" for anything that is not an IPv4/IPv6 literal.
 *
 * @example
 * nonPublicReason("169.254.169.254") // "link-local/cloud metadata"
 * nonPublicReason("93.184.216.34")   // null
 */
export function nonPublicReason(address: string): string | null {
  const ip = bareAddress(address);
  const family = isIP(ip);
  if (family === 0) return "not an IP address";
  // A zone id means a scoped (link-local) address whatever the prefix says.
  if (address.includes("%")) return "scoped (zone id) address";
  const table = family === 4 ? V4 : V6;
  const type = family === 4 ? "ipv4" : "ipv6";
  for (const { list, reason } of table) {
    if (list.check(ip, type)) return reason;
  }
  return null;
}

/**
 * True for a globally routable unicast address (the only kind the guard lets through).
 *
 * @example
 * isPublicAddress("10.0.0.1") // false
 * isPublicAddress("[2606:4700::1111]") // true
 */
export function isPublicAddress(address: string): boolean {
  return nonPublicReason(address) === null;
}
