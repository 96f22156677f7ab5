import { defaultConfig } from "../../../src/policy/config";
import {
  domainOf,
  isExternalRecipient,
  isOrganisationDomain,
} from "../../../src/policy/sensitive/recipients";

const config = { organisation: { emailDomains: ["nvk.se", "nvk-service.se"] } };

describe("domainOf", () => {
  it.each([
    ["anna@nvk.se", "nvk.se"],
    ["Anna.Andersson@Mail.NVK.se", "mail.nvk.se"],
    [" anna@nvk.se. ", "nvk.se"],
    ["Anna Andersson <anna@nvk.se>", "nvk.se"],
    ["anna@räksmörgås.se", "räksmörgås.se"],
  ])("%s → %s", (address, domain) => {
    expect(domainOf(address)).toBe(domain);
  });

  it.each([
    "anna",
    "anna@",
    "@nvk.se",
    "anna@localhost",
    "/o=ExchangeLabs/ou=Exchange/cn=Recipients/cn=anna",
  ])("%s has no usable domain", (address) => {
    expect(domainOf(address)).toBeUndefined();
  });
});

describe("isExternalRecipient", () => {
  it.each([
    ["anna@nvk.se", false],
    ["ANNA@NVK.SE", false],
    ["anna@nvk-service.se", false],
    ["anna@mail.nvk.se", false],
    ["anna@a.b.nvk.se", false],
    ["kund@example.com", true],
    ["kund@xnvk.se", true],
    ["kund@nvk.se.example.com", true],
    ["kund@nvk.com", true],
    ["/o=ExchangeLabs/cn=anna", true],
    ["", true],
  ])("%s → %s", (address, external) => {
    expect(isExternalRecipient(address, config)).toBe(external);
  });

  it("reads the default configuration", () => {
    expect(isExternalRecipient("anna@nvk.se", defaultConfig)).toBe(false);
  });

  it("isOrganisationDomain ignores case", () => {
    expect(isOrganisationDomain("Mail.NVK.SE", config)).toBe(true);
  });
});
