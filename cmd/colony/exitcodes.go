package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	colony "github.com/thecolony/colony-go"
)

// Exit codes, one per kind of failure, so scripts can branch without parsing
// messages. They are listed in `colony help` (exitCodeHelp).
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitAuth        = 3
	exitNotFound    = 4
	exitInvalid     = 5
	exitConflict    = 6
	exitRateLimited = 7
	exitServer      = 8
	exitNetwork     = 9
	exitBadWebhook  = 10
	exitInterrupted = 130
)

// exitCodeHelp is the exit-code table printed by `colony help`.
const exitCodeHelp = `Exit codes:
  0    success
  1    any other error
  2    wrong usage (unknown command or flag, missing or extra arguments)
  3    authentication: no API key, a rejected key, or permission denied (HTTP 401, 403)
  4    not found (HTTP 404)
  5    invalid input, refused before sending or by the server (HTTP 400, 422)
  6    conflict: already done, e.g. joining a colony again or following twice (HTTP 409)
  7    rate limited (HTTP 429); the message says when to retry
  8    server error (HTTP 5xx)
  9    network error or timeout (no HTTP answer within --timeout)
  10   webhook verify: the signature does not match the body and secret
  130  interrupted (Ctrl-C)
`

// errNoAPIKey is returned by commands that need an account when no key was
// given; it exits with exitAuth.
var errNoAPIKey = errors.New("no API key: set COLONY_API_KEY or pass --api-key (or try --demo)")

// errBadSignature reports a webhook delivery that failed verification; it
// exits with exitBadWebhook.
var errBadSignature = errors.New("webhook signature not valid")

// usageError is wrong usage found after the flags were parsed (a bad
// argument value); it exits with exitUsage and prints the command's usage.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef returns a *usageError.
func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// checkLimit refuses a --limit outside 1..max.
func checkLimit(limit, max int) error { return checkRange("limit", limit, max) }

// usageIf returns the *usageError of format when bad holds, else nil: a
// check of a command's flags, for clientAfter.
func usageIf(bad bool, format string, args ...any) error {
	if bad {
		return usagef(format, args...)
	}
	return nil
}

// checkRange refuses a --flag value outside 1..max.
func checkRange(flag string, v, max int) error {
	if v < 1 || v > max {
		return usagef("--%s must be between 1 and %d", flag, max)
	}
	return nil
}

// exitCode maps an error to the process exit code. The SDK's sentinels are
// matched with errors.Is, so wrapped errors map the same way.
func exitCode(err error) int {
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		return exitUsage
	case errors.Is(err, errBadSignature):
		return exitBadWebhook
	case errors.Is(err, errNoAPIKey), errors.Is(err, colony.ErrAuth):
		return exitAuth
	case errors.Is(err, colony.ErrNotFound):
		return exitNotFound
	case errors.Is(err, colony.ErrInvalidParams), errors.Is(err, colony.ErrValidation):
		return exitInvalid
	case errors.Is(err, colony.ErrConflict):
		return exitConflict
	case errors.Is(err, colony.ErrRateLimited):
		return exitRateLimited
	case errors.Is(err, colony.ErrServer):
		return exitServer
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.Is(err, colony.ErrNetwork), errors.Is(err, context.DeadlineExceeded):
		return exitNetwork
	}
	return exitError
}

// errorLine renders err as the one line printed on stderr (after
// "colony: "). An HTTP failure reads
//
//	HTTP 429 RATE_LIMIT_VOTE_HOURLY: Hourly vote limit reached. (retry after 42s)
//
// The SDK's errors never hold a key or token, and server text is reduced to
// one line of printable characters.
func errorLine(err error, timeout time.Duration) string {
	var apiErr *colony.APIError
	if errors.As(err, &apiErr) {
		if apiErr.StatusCode > 0 {
			var b strings.Builder
			fmt.Fprintf(&b, "HTTP %d", apiErr.StatusCode)
			if apiErr.Code != "" {
				b.WriteString(" " + oneLine(apiErr.Code, 80))
			}
			b.WriteString(": " + oneLine(apiErr.Message, 500))
			if apiErr.RetryAfter > 0 {
				fmt.Fprintf(&b, " (retry after %s)", apiErr.RetryAfter.Round(time.Second))
			}
			return b.String()
		}
		where := strings.TrimSpace(apiErr.Method + " " + apiErr.Path)
		switch {
		case errors.Is(err, context.DeadlineExceeded):
			if timeout > 0 {
				return fmt.Sprintf("timed out after %s (%s); raise --timeout", timeout, where)
			}
			return fmt.Sprintf("timed out (%s)", where)
		case errors.Is(err, context.Canceled):
			return "interrupted"
		case apiErr.Err != nil && where != "":
			return fmt.Sprintf("network error (%s): %s", where, oneLine(apiErr.Err.Error(), 500))
		}
	}
	if errors.Is(err, context.Canceled) {
		return "interrupted"
	}
	return oneLine(strings.TrimPrefix(err.Error(), "colony: "), 1000)
}
