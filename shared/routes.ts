/** The API's paths, shared by the worker that serves them and the clients that call them. */
export const ROUTES = {
  health: "/healthz",
  openapi: "/v1/openapi.json",
  jobs: "/v1/jobs",
  job: (id: number | string) => `/v1/jobs/${id}`,
  jobPage: (id: number | string) => `/jobs/${id}`,
  employers: "/v1/employers",
  towns: "/v1/towns",
  events: "/v1/events",
  event: (id: number | string) => `/v1/events/${id}`,
  eventsFeed: "/v1/events.ics",
  eventFeed: (id: number | string) => `/v1/events/${id}.ics`,
  consent: "/v1/consent",
  signups: "/v1/signups",
} as const;
