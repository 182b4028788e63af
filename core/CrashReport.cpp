#include "core/CrashReport.h"

#include <csignal>
#include <cstring>
#include <execinfo.h>
#include <initializer_list>
#include <unistd.h>

namespace relaydesk {

#if !defined(__SANITIZE_ADDRESS__)
namespace {

const char *g_program = "relaydesk";

void writeText(const char *text)
{
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, text, std::strlen(text));
}

void writeNumber(int value)
{
    char digits[16];
    int n = 0;
    unsigned v = value < 0 ? 0u : unsigned(value);
    do {
        digits[n++] = char('0' + v % 10);
        v /= 10;
    } while (v != 0 && n < int(sizeof digits));
    char text[17];
    for (int i = 0; i < n; ++i)
        text[i] = digits[n - 1 - i];
    text[n] = '\0';
    writeText(text);
}

// Only async-signal-safe calls (write, backtrace after its first use, backtrace_symbols_fd, raise).
void onFatal(int signal)
{
    writeText(g_program);
    writeText(": fatal signal ");
    writeNumber(signal);
    writeText(" (");
    writeText(sigabbrev_np(signal) ? sigabbrev_np(signal) : "?");
    writeText("); backtrace:\n");
    void *frames[64];
    const int count = ::backtrace(frames, 64);
    ::backtrace_symbols_fd(frames, count, STDERR_FILENO);
    // SA_RESETHAND restored the default action: raised again, the process ends by this signal.
    ::raise(signal);
}

} // namespace
#endif

void installCrashReport(const char *program)
{
#if defined(__SANITIZE_ADDRESS__)
    (void)program; // AddressSanitizer's own report says more: leave its handlers in place
#else
    g_program = program;
    void *warm[1];
    ::backtrace(warm, 1); // loads libgcc now: the first call may allocate, which a signal handler must not

    // Its own stack, so that a stack overflow on the main thread can still be reported.
    static char altStack[64 * 1024];
    stack_t stack = {};
    stack.ss_sp = altStack;
    stack.ss_size = sizeof altStack;
    ::sigaltstack(&stack, nullptr);

    struct sigaction action = {};
    action.sa_handler = onFatal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_ONSTACK;
    for (int signal : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
        ::sigaction(signal, &action, nullptr);
#endif
}

} // namespace relaydesk
