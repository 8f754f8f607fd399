import { describe, expect, it } from "vitest";
import { isPublicAddress, nonPublicReason } from "./address.ts";

describe("address classification", () => {
  const refused: [string, RegExp][] = [
    ["127.0.0.1", /loopback/],
    ["127.255.0.9", /loopback/],
    ["10.0.0.1", /private/],
    ["172.16.0.1", /private/],
    ["172.31.255.255", /private/],
    ["192.168.1.1", /private/],
    ["169.254.169.254", /link-local/],
    ["100.64.0.1", /carrier-grade/],
    ["0.0.0.0", /unspecified/],
    ["224.0.0.1", /multicast/],
    ["255.255.255.255", /reserved/],
    ["::1", /loopback/],
    ["[::1]", /loopback/],
    ["::", /unspecified/],
    ["::ffff:127.0.0.1", /mapped/],
    ["::ffff:8.8.8.8", /mapped/],
    ["[::ffff:7f00:1]", /mapped/],
    ["fc00::1", /unique-local/],
    ["fd12:3456::1", /unique-local/],
    ["fe80::1", /link-local/],
    ["fe80::1%eth0", /scoped/],
    ["ff02::1", /multicast/],
    ["2002:7f00:1::", /6to4/],
    ["64:ff9b::7f00:1", /NAT64/],
    ["example.com", /not an IP/],
  ];
  it.each(refused)("refuses %s", (addr, reason) => {
    expect(nonPublicReason(addr)).toMatch(reason);
    expect(isPublicAddress(addr)).toBe(false);
  });

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "[2a00:1450:4007::64]"])("accepts public %s", (addr) => {
    expect(nonPublicReason(addr)).toBeNull();
  });
});
