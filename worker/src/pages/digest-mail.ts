/** The job digest: the new jobs that match a person, each with its page, at most ten of them. */
import type { Lang } from "../../../shared/i18n.ts";
import { townById } from "../../../shared/towns.ts";
import type { DigestJob } from "../db/keep-in-touch.ts";
import type { Mail } from "../mail/mailer.ts";
import { keepInTouchMail } from "./keep-in-touch-mail.ts";

export const DIGEST_JOBS = 10;

export interface Digest {
  to: string;
  lang: Lang;
  firstName: string | null;
  every: "daily" | "weekly";
  /** The person's first digest: the new jobs of the last two weeks. */
  first: boolean;
  /** Best first; the first DIGEST_JOBS are listed. */
  jobs: readonly DigestJob[];
  origin: string;
  dataLink: string;
  unsubscribe: string;
}

const T = {
  de: {
    subject: (n: number) =>
      n === 1 ? "1 neue Stelle für dich im Hochsauerland" : `${n} neue Stellen für dich im Hochsauerland`,
    every: { daily: "(täglich)", weekly: "(wöchentlich)" },
    intro: (n: number) =>
      n === 1
        ? "Seit unserer letzten Übersicht ist diese Stelle dazugekommen, die zu dir passt:"
        : `Seit unserer letzten Übersicht sind ${n} Stellen dazugekommen, die zu dir passen:`,
    firstIntro: (n: number) =>
      n === 1
        ? "Das ist deine erste Übersicht: Diese Stelle ist in den letzten zwei Wochen dazugekommen und passt zu dir:"
        : `Das ist deine erste Übersicht: Diese ${n} Stellen sind in den letzten zwei Wochen dazugekommen und passen zu dir:`,
    more: (n: number) => `Dazu ${n === 1 ? "passt eine weitere" : `passen ${n} weitere`}; alle Stellen der Region:`,
  },
  en: {
    subject: (n: number) =>
      n === 1 ? "1 new job for you in the Hochsauerland" : `${n} new jobs for you in the Hochsauerland`,
    every: { daily: "(daily)", weekly: "(weekly)" },
    intro: (n: number) =>
      n === 1
        ? "Since our last overview this job has come up that fits you:"
        : `Since our last overview ${n} jobs have come up that fit you:`,
    firstIntro: (n: number) =>
      n === 1
        ? "This is your first overview: this job came up in the last two weeks and fits you:"
        : `This is your first overview: these ${n} jobs came up in the last two weeks and fit you:`,
    more: (n: number) => `${n === 1 ? "One more fits" : `${n} more fit`}; all the region's jobs:`,
  },
} as const;

export function digestMail(d: Digest): Mail {
  const t = T[d.lang];
  const shown = d.jobs.slice(0, DIGEST_JOBS);
  const more = d.jobs.length - shown.length;
  return keepInTouchMail({
    to: d.to,
    lang: d.lang,
    firstName: d.firstName,
    want: "job_offers",
    detail: t.every[d.every],
    subject: t.subject(d.jobs.length),
    lines: [
      d.first ? t.firstIntro(d.jobs.length) : t.intro(d.jobs.length),
      ...shown.map((job) =>
        [
          job.title,
          `${job.employer}, ${townById(job.town_id)?.name ?? job.town_id}`,
          `${d.origin}/jobs/${job.id}`,
        ].join("\n"),
      ),
      ...(more > 0 ? [`${t.more(more)}\n${d.origin}/`] : []),
    ],
    dataLink: `${d.dataLink}#keep-in-touch`,
    unsubscribe: d.unsubscribe,
  });
}
