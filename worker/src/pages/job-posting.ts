/** schema.org JobPosting for Google for Jobs, built from the API's job object. */
import type { Job } from "../../../shared/schemas/jobs.ts";
import { EMPLOYMENT_TYPES } from "../../../shared/taxonomy.ts";
import { townById } from "../../../shared/towns.ts";

/** The description as the simple HTML Google accepts: paragraphs, line breaks kept. */
function descriptionHtml(text: string): string {
  const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

export function jobPosting(job: Job, employerWebsite: string | null): object {
  const town = townById(job.town.id);
  return {
    "@context": "https://schema.org/",
    "@type": "JobPosting",
    title: job.title,
    description: job.description_html ?? descriptionHtml(job.description),
    identifier: { "@type": "PropertyValue", name: job.employer.name, value: String(job.id) },
    datePosted: job.posted_at,
    ...(job.valid_through ? { validThrough: job.valid_through } : {}),
    employmentType: [...new Set(job.employment.map((e) => EMPLOYMENT_TYPES[e].schemaOrg))],
    hiringOrganization: {
      "@type": "Organization",
      name: job.employer.name,
      ...(employerWebsite ? { sameAs: employerWebsite } : {}),
    },
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressLocality: job.town.name,
        ...(town ? { postalCode: town.postalCode } : {}),
        addressRegion: "Nordrhein-Westfalen",
        addressCountry: "DE",
      },
      ...(town ? { geo: { "@type": "GeoCoordinates", latitude: town.lat, longitude: town.lon } } : {}),
    },
    ...(job.remote === "remote"
      ? { jobLocationType: "TELECOMMUTE", applicantLocationRequirements: { "@type": "Country", name: "DE" } }
      : {}),
    ...(job.salary
      ? {
          baseSalary: {
            "@type": "MonetaryAmount",
            currency: job.salary.currency,
            value: {
              "@type": "QuantitativeValue",
              minValue: job.salary.min,
              maxValue: job.salary.max,
              unitText: "YEAR",
            },
          },
        }
      : {}),
    directApply: false,
    url: job.url,
  };
}
