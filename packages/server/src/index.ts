export { createServer, WEBHOOK_TIMEOUT_MS, type NotificationOptions, type ServerOptions, type SupportServer } from './server';
export { BLOB_CHUNK_BYTES, type BlobStore } from './shared/blob-store';
export type { AttachmentOutput } from './attachments/attach';
export type { UploadOutput } from './attachments/upload';
export { DEFAULT_RATE_LIMITS, type CallBudget, type RateLimits } from './http/rate-limit';
export { HTTP_TIMEOUTS, type HttpTimeouts } from './http/timeouts';
export { signToken, verifyToken, TokenError, type TokenClaims } from './auth/token';
export type { Caller } from './shared/caller';
export type { AppRouter, RouterInputs, RouterOutputs } from './api/root';
export type {
  MessageOutput,
  ResponseCycleOutput,
  SlaExplanationOutput,
  SlaPolicyOutput,
  TicketDetailOutput,
  TicketListItem,
  TicketOutput,
  TimelineEventOutput,
} from './tickets/output';
export type { TicketPage } from './tickets/queries';
export { SEARCH_CANDIDATES, type SearchMatch } from './tickets/search';
export type { TicketChangeOutput } from './live/events';
export type { OrganisationOutput, PlanOutput } from './orgs/service';
export type { OrganisationListItem, OrganisationPage } from './orgs/list';
export type { SlaOverviewOutput } from './sla/overview';
export type { InputIssue } from './api/inputs';
export type { MeOutput } from './people/service';
export type { NotificationPayload, NotificationTicket } from './notify/payload';
export type { DeliveryOutput, EndpointOutput } from './notify/endpoints';
export { mailOptionsProblem, type MailOptions } from './notify/mail';
export { consoleLogger, silentLogger, type Logger } from './logger';
