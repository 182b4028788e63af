#pragma once

namespace relaydesk {

// On a fatal signal (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT) writes "<program>: fatal signal N" and a raw
// backtrace (module+offset per frame, for addr2line) to stderr, then lets the signal take its default
// course (core dump, exit by signal). A service that dies in production then says where, in its journal.
// Call once, early in main(); `program` must outlive the process (a string literal).
void installCrashReport(const char *program);

} // namespace relaydesk
