/**
 * The webhook estimator's address rule (SSRF): only public unicast addresses, judged after every encoding an
 * attacker can wrap a private address in. Each reported bypass is listed by name.
 */
import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { isDisallowedAddress, setWebhookAllowHosts, webhookUrlProblem } from "../estimates.webhook.js";

describe("webhook URL rule: the reported bypasses are refused", () => {
  const bypasses = {
    "IPv4-compatible IPv6 (dotted)": "http://[::127.0.0.1]/eta",
    "IPv4-compatible IPv6 (hex)": "http://[::7f00:1]/eta",
    "IPv4-mapped IPv6": "http://[::ffff:127.0.0.1]/eta",
    "IPv4-translated (SIIT) IPv6": "http://[::ffff:0:7f00:1]/eta",
    "NAT64 well-known prefix": "http://[64:ff9b::7f00:1]/eta",
    "NAT64 local-use prefix": "http://[64:ff9b:1::7f00:1]/eta",
    "6to4 of loopback": "http://[2002:7f00:1::]/eta",
    "6to4 of a private address": "http://[2002:a00:1::1]/eta",
    "trailing dot on localhost": "http://localhost./eta",
    "trailing dots on a .localhost name": "http://app.localhost../eta",
    "trailing dot on a metadata name": "http://metadata.google.internal./computeMetadata/v1/",
    "decimal IPv4": "http://2130706433/eta",
    "hex IPv4": "http://0x7f.1/eta",
    "short IPv4": "http://127.1/eta",
  };
  for (const [name, url] of Object.entries(bypasses)) {
    it(name, () => assert.notEqual(webhookUrlProblem(url), null, url));
  }
});

describe("webhook address rule: isDisallowedAddress", () => {
  const refused = [
    ["loopback", "127.0.0.1"],
    ["loopback /8", "127.255.0.9"],
    ["IPv6 loopback", "::1"],
    ["unspecified", "0.0.0.0"],
    ["IPv6 unspecified", "::"],
    ["private 10/8", "10.1.2.3"],
    ["private 172.16/12", "172.31.255.1"],
    ["private 192.168/16", "192.168.0.10"],
    ["link-local / cloud metadata", "169.254.169.254"],
    ["IPv6 link-local", "fe80::1"],
    ["IPv6 link-local with zone", "fe80::1%eth0"],
    ["unique-local", "fd00::1"],
    ["site-local (deprecated)", "fec0::1"],
    ["CGNAT", "100.64.0.1"],
    ["multicast", "224.0.0.1"],
    ["IPv6 multicast", "ff02::1"],
    ["broadcast", "255.255.255.255"],
    ["reserved 240/4", "240.0.0.1"],
    ["documentation", "192.0.2.1"],
    ["benchmarking", "198.18.0.1"],
    ["IPv4-mapped metadata", "::ffff:169.254.169.254"],
    ["IPv4-mapped private (hex)", "::ffff:a00:1"],
    ["IPv4-compatible", "::7f00:1"],
    ["IPv4-translated", "::ffff:0:7f00:1"],
    ["NAT64 of loopback", "64:ff9b::7f00:1"],
    ["NAT64 of metadata", "64:ff9b::a9fe:a9fe"],
    ["NAT64 local-use", "64:ff9b:1::1"],
    ["6to4 of loopback", "2002:7f00:1::"],
    ["6to4 of metadata", "2002:a9fe:a9fe::1"],
    ["Teredo", "2001::1"],
    ["IPv6 documentation", "2001:db8::1"],
    ["outside global unicast", "4000::1"],
    ["discard-only", "100::1"],
    ["not an address", "example.com"],
    ["non-canonical IPv4 (never a DNS answer)", "2130706433"],
  ] as const;
  for (const [name, address] of refused) {
    it(`refuses ${name} (${address})`, () => assert.equal(isDisallowedAddress(address), true));
  }

  const allowed = [
    ["public IPv4", "93.184.216.34"],
    ["public IPv4 next to 172.16/12", "172.32.0.1"],
    ["public IPv6", "2606:4700:4700::1111"],
    ["IPv4-mapped public", "::ffff:93.184.216.34"],
    ["NAT64 of a public address (IPv6-only networks with DNS64)", "64:ff9b::5db8:d822"],
    ["6to4 of a public address", "2002:5db8:d822::1"],
  ] as const;
  for (const [name, address] of allowed) {
    it(`allows ${name} (${address})`, () => assert.equal(isDisallowedAddress(address), false));
  }
});

describe("webhook URL rule: allow-list and ordinary URLs", () => {
  after(() => setWebhookAllowHosts([]));

  it("accepts a public https URL and refuses other schemes and credentials", () => {
    assert.equal(webhookUrlProblem("https://eta.example.com/hook"), null);
    assert.equal(webhookUrlProblem("https://[2606:4700:4700::1111]/hook"), null);
    assert.match(webhookUrlProblem("ftp://eta.example.com/") ?? "", /http or https/);
    assert.match(webhookUrlProblem("https://user:pw@eta.example.com/") ?? "", /credentials/);
  });

  it("an allow-listed host passes whatever its address, with or without a trailing dot; others stay refused", () => {
    assert.notEqual(webhookUrlProblem("http://localhost./eta"), null);
    assert.notEqual(webhookUrlProblem("http://[::1]:8080/eta"), null);
    setWebhookAllowHosts(["LocalHost.", "[::1]"]);
    assert.equal(webhookUrlProblem("http://localhost/eta"), null);
    assert.equal(webhookUrlProblem("http://localhost./eta"), null);
    assert.equal(webhookUrlProblem("http://[::1]:8080/eta"), null);
    assert.notEqual(webhookUrlProblem("http://[::ffff:127.0.0.1]/eta"), null, "only the listed host, not another spelling of its address");
    assert.notEqual(webhookUrlProblem("http://127.0.0.1/eta"), null);
  });
});
