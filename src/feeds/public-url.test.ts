import { describe, expect, it } from "vitest";
import { checkPublicUrl, privateAddressKind } from "./public-url.js";
import { canonicalUrl, pageCanonical } from "./canonical.js";

const noDns = async (): Promise<{ address: string }[]> => {
  throw new Error("no DNS in this test");
};

describe("checkPublicUrl", () => {
  it("refuses loopback, private, link-local and unique-local literals and localhost, naming the URL and the kind", async () => {
    const refused: [string, string][] = [
      ["http://127.0.0.1:8080/feed", "loopback"], ["http://127.9.9.9/", "loopback"], ["http://2130706433/", "loopback"], ["http://0x7f.1/", "loopback"],
      ["http://10.1.2.3/", "private"], ["http://172.16.0.1/", "private"], ["http://172.31.255.255/", "private"], ["http://192.168.1.1/", "private"],
      ["http://169.254.169.254/latest/meta-data", "link-local"], ["http://0.0.0.0/", "this network"], ["http://100.64.0.1/", "shared (carrier NAT)"],
      ["http://[::1]/", "loopback"], ["http://[::]/", "unspecified"], ["http://[fc00::1]/", "unique-local"], ["http://[fd12:3456::1]/", "unique-local"],
      ["http://[fe80::1]/", "link-local"], ["http://[::ffff:127.0.0.1]/", "loopback"], ["http://[::ffff:10.0.0.1]/", "private"],
    ];
    for (const [url, kind] of refused) expect(await checkPublicUrl(url, noDns), url).toBe(`${new URL(url).href} is a ${kind} address; private addresses are not fetched`);
    expect(await checkPublicUrl("http://localhost:3000/x", noDns)).toBe("http://localhost:3000/x names this machine (localhost); private addresses are not fetched");
    expect(await checkPublicUrl("http://api.LOCALHOST./", noDns)).toMatch(/names this machine \(api\.localhost\)/);
    expect(await checkPublicUrl("ftp://example.com/feed", noDns)).toBe("ftp://example.com/feed is not an http(s) URL");
    expect(await checkPublicUrl("not a url", noDns)).toBe('"not a url" is not a valid URL');
  });

  it("lets public literals through", async () => {
    for (const url of ["http://8.8.8.8/", "http://172.32.0.1/", "http://192.169.0.1/", "https://[2001:4860:4860::8888]/", "http://100.128.0.1/", "http://[::ffff:8.8.8.8]/"]) {
      expect(await checkPublicUrl(url, noDns), url).toBeNull();
    }
  });

  it("checks every address a name resolves to, and refuses a name that does not resolve", async () => {
    const dns: Record<string, string[]> = { "news.example": ["93.184.216.34", "2606:2800:220:1::1"], "sneaky.example": ["93.184.216.34", "10.0.0.7"], "v6.example": ["fd00::5"] };
    const lookup = async (h: string) => {
      if (!dns[h]) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${h}`), { code: "ENOTFOUND" });
      return dns[h]!.map((address) => ({ address }));
    };
    expect(await checkPublicUrl("https://news.example/rss", lookup)).toBeNull();
    expect(await checkPublicUrl("https://sneaky.example/rss", lookup)).toBe("https://sneaky.example/rss: host sneaky.example resolves to 10.0.0.7, a private address; private addresses are not fetched");
    expect(await checkPublicUrl("https://v6.example/", lookup)).toMatch(/resolves to fd00::5, a unique-local address/);
    expect(await checkPublicUrl("https://nowhere.example/", lookup)).toBe("https://nowhere.example/: host nowhere.example not found (ENOTFOUND)");
  });

  it("classifies addresses", () => {
    expect(privateAddressKind("192.168.0.10")).toBe("private");
    expect(privateAddressKind("1.1.1.1")).toBeNull();
    expect(privateAddressKind("::1")).toBe("loopback");
    expect(privateAddressKind("2001:db8::1")).toBeNull();
    expect(privateAddressKind("not-an-ip")).toBeNull();
  });
});

describe("canonical links", () => {
  it("makes item links canonical: absolute, host lower-cased, no fragment, no tracking parameters", () => {
    expect(canonicalUrl("HTTPS://News.Example.COM:443/a/b?id=7&utm_source=rss&utm_Medium=x&fbclid=1#comments")).toBe("https://news.example.com/a/b?id=7");
    expect(canonicalUrl("/story?utm_campaign=z", "https://news.example/feed.xml")).toBe("https://news.example/story");
    expect(canonicalUrl("https://news.example/p?b=2&a=1")).toBe("https://news.example/p?b=2&a=1");
    expect(canonicalUrl("https://news.example/Case/Kept?q=A")).toBe("https://news.example/Case/Kept?q=A");
    expect(canonicalUrl("mailto:desk@news.example")).toBeNull();
    expect(canonicalUrl("http://[bad")).toBeNull();
  });

  it("reads a page's rel=canonical wherever its attributes are, resolved against the page", () => {
    expect(pageCanonical('<html><head><link href="/s/1?utm_source=x&amp;id=2" rel="canonical"></head>', "https://a.example/amp/1")).toBe("https://a.example/s/1?id=2");
    expect(pageCanonical("<link rel='alternate stylesheet' href='/x.css'><LINK REL=Canonical HREF=https://B.example/s>", "https://a.example/")).toBe("https://b.example/s");
    expect(pageCanonical('<link rel="stylesheet" href="/x.css"><p>no canonical</p>', "https://a.example/")).toBeNull();
    expect(pageCanonical('<link rel="canonical" href="javascript:alert(1)">', "https://a.example/")).toBeNull();
    expect(pageCanonical("<link rel=canonical".repeat(20000), "https://a.example/")).toBeNull();
  });
});
