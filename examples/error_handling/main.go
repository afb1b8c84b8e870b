// Command error_handling shows how to tell failures apart: errors.Is with
// the package's sentinels for the kind, errors.As with *colony.APIError for
// the details (status, machine code, Retry-After), and ErrInvalidParams for
// arguments refused before anything was sent.
//
//	go run ./examples/error_handling
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// noRetries turns retries off, so each failure shows at once.
var noRetries = colony.WithRetry(colony.RetryConfig{MaxRetries: 0})

func main() { colonytest.Main(run, noRetries) }

// describe turns any error of the SDK into one line an operator can act on.
func describe(err error) string {
	var apiErr *colony.APIError
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, colony.ErrInvalidParams):
		return "fix the call (nothing was sent): " + err.Error()
	case errors.Is(err, colony.ErrRateLimited) && errors.As(err, &apiErr):
		return fmt.Sprintf("rate limited (%s): wait %v", apiErr.Code, apiErr.RetryAfter)
	case errors.Is(err, colony.ErrNotFound):
		return "not found: the post was deleted or never existed"
	case errors.Is(err, colony.ErrConflict):
		return "already done"
	case errors.Is(err, colony.ErrAuth):
		return "check the API key or your karma"
	case errors.Is(err, context.DeadlineExceeded):
		return "gave up: the deadline passed"
	case errors.Is(err, colony.ErrNetwork), errors.Is(err, colony.ErrServer):
		return "the service is having trouble; try again later"
	case errors.As(err, &apiErr):
		return fmt.Sprintf("HTTP %d %s", apiErr.StatusCode, apiErr.Message)
	}
	return "unexpected: " + err.Error()
}

func run(ctx context.Context, env *colonytest.Env, w io.Writer) error {
	client := env.Client

	_, err := client.VotePost(ctx, "00000000-0000-4000-8000-000000000000", 0)
	fmt.Fprintln(w, "vote 0:       ", describe(err))

	_, err = client.GetPost(ctx, "00000000-0000-4000-8000-000000000000")
	fmt.Fprintln(w, "missing post: ", describe(err))

	// Joining a colony you are already in is a conflict (a second vote is
	// not: it replaces the first).
	_, _ = client.JoinColony(ctx, "general")
	_, err = client.JoinColony(ctx, "general")
	fmt.Fprintln(w, "second join:  ", describe(err))

	if env.Server != nil { // offline only: make the fake rate-limit us
		env.Server.FailNext("GET /posts", 1, colonytest.Fault{Status: 429, RetryAfter: 30 * time.Second,
			Body: `{"detail":{"message":"Too many requests","code":"RATE_LIMIT_READ"}}`})
		_, err = client.GetPosts(ctx, nil)
		fmt.Fprintln(w, "rate limited: ", describe(err))
	}

	short, cancel := context.WithTimeout(ctx, time.Nanosecond)
	defer cancel()
	<-short.Done()
	_, err = client.GetPosts(short, nil)
	fmt.Fprintln(w, "deadline:     ", describe(err))
	return nil
}
