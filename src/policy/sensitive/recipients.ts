import { DIGIT, LETTER } from "../signature/chars";

const DOMAIN = new RegExp(`^[${LETTER}${DIGIT}-]+(?:\\.[${LETTER}${DIGIT}-]+)+$`, "u");

/** The part of the policy configuration recipient checks read. */
export interface OrganisationDomains {
  readonly organisation: { readonly emailDomains: readonly string[] };
}

/** The domain of an address, lower-cased: "Anna@Mail.NVK.se" → "mail.nvk.se"; undefined without one. */
export function domainOf(address: string): string | undefined {
  const trimmed = address
    .trim()
    .replace(/^.*<([^>]*)>$/u, "$1")
    .trim();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1) return undefined;
  const domain = trimmed
    .slice(at + 1)
    .toLowerCase()
    .replace(/\.$/u, "");
  return DOMAIN.test(domain) ? domain : undefined;
}

/** Whether `domain` is one of the organisation's domains or a subdomain of one. */
export function isOrganisationDomain(domain: string, config: OrganisationDomains): boolean {
  const d = domain.toLowerCase();
  return config.organisation.emailDomains.some((own) => d === own || d.endsWith(`.${own}`));
}

/**
 * Whether mail to `address` leaves the organisation (P22). Internal means the domain is one of
 * config.organisation.emailDomains or a subdomain of one ("nvk.se", "mail.nvk.se"): the
 * organisation controls every name under its own domain. "nvk.se.example.com" and "xnvk.se" are
 * external. An address without a usable domain (an Exchange X.500 path, a typo) counts as
 * external, so the warning errs on the side of protecting the data.
 */
export function isExternalRecipient(address: string, config: OrganisationDomains): boolean {
  const domain = domainOf(address);
  return domain === undefined || !isOrganisationDomain(domain, config);
}
