// What one caller may ask of the server at once (SPEC §9), so that no caller slows the others.
// The server enforces these; clients size their requests by them.

/** The most calls one HTTP request (a tRPC batch) may carry. */
export const MAX_BATCH_CALLS = 10;

/** Messages `ticket.get` and every ticket mutation carry: the latest ones, oldest first. */
export const MESSAGE_PAGE_SIZE = 50;
/** The largest page `ticket.messages` gives. */
export const MESSAGE_PAGE_MAX = 100;

/** Live-update streams (`ticket.onChange`) one person may hold open on one server process. */
export const MAX_LIVE_STREAMS_PER_PERSON = 5;
