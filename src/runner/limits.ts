/**
 * How much a run may hand back to the page. The worker cuts output at these sizes (a 100 MB console.log once
 * crashed the tab); the page's validator (validate.ts) refuses anything larger, so a result that slipped past
 * the worker cannot freeze the page either. Every cut is marked on the result and worded by the page.
 */

/** console lines kept (RunRequest.maxConsoleLines may ask for fewer) */
export const MAX_CONSOLE_LINES = 1000;
/** characters kept of one console line */
export const MAX_LINE_CHARS = 10_000;
/** characters kept of all console lines together */
export const MAX_CONSOLE_CHARS = 200_000;
/** characters kept of an error's message and of its name */
export const MAX_ERROR_CHARS = 2_000;
export const MAX_NAME_CHARS = 100;
/** trace events kept: the inspectors replay a prefix of the trace, so the first ones are kept */
export const MAX_TRACE_EVENTS = 20_000;
/** a host name the program gives to on() */
export const MAX_HOST_CHARS = 253;
/** A chapter program makes a few dozen socket calls; this many means a loop that never ends. */
export const MAX_SOCKET_CALLS = 10_000;
/** processes a run may have, the main program included (spawn() refuses more; the bench serves 100 clients) */
export const MAX_PROCESSES = 256;
