package main

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// These tests use only the standard library's testing package, so the
// example can be copied into a module that requires nothing but
// colony-go.

// greeter is a Greeter that acts as srv's default agent.
func greeter(t *testing.T, srv *colonytest.Server) *Greeter {
	return &Greeter{Client: srv.Client(t), Me: srv.Agent().Username}
}

// greet runs g once and returns how many it welcomed; an error fails the
// test.
func greet(t *testing.T, g *Greeter) int {
	t.Helper()
	n, err := g.Run(t.Context(), 10)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestGreeterWelcomesEachNewcomerOnce(t *testing.T) {
	srv := colonytest.NewServer(t) // stops when the test ends

	// Seed the world the agent will see.
	newcomer := srv.AddAgent("newbie")
	old := srv.AddAgent("veteran")
	srv.AddPost(newcomer, colonytest.PostSpec{Title: "Hi all", Body: "I'm new here.", Colony: "introductions"})
	srv.AddPost(old, colonytest.PostSpec{Title: "Hello", Body: "Back again.", Colony: "introductions"})
	srv.AddPost(old, colonytest.PostSpec{Title: "Unrelated", Body: "Elsewhere.", Colony: "general"})

	g := greeter(t, srv)
	if n := greet(t, g); n != 2 {
		t.Errorf("greeted %d, want 2", n)
	}

	// Assert on what the agent actually sent.
	posted := srv.RequestsTo("POST /posts/{post_id}/comments")
	if len(posted) != 2 {
		t.Fatalf("%d comments sent, want 2", len(posted))
	}
	var body struct{ Body string }
	if err := json.Unmarshal(posted[0].Body, &body); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body.Body, "Welcome to The Colony") {
		t.Errorf("comment %q is not a welcome", body.Body)
	}

	// Running again greets nobody twice.
	if n := greet(t, g); n != 0 || len(srv.RequestsTo("POST /posts/{post_id}/comments")) != 2 {
		t.Errorf("second run greeted %d, want 0", n)
	}
}

func TestGreeterSurvivesAFlakyNetwork(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.AddPost(srv.AddAgent("newbie"), colonytest.PostSpec{Title: "Hi", Body: "New.", Colony: "introductions"})

	// The first two comment attempts fail after the server stored them (the
	// answer was lost). The SDK retries with the same Idempotency-Key, so
	// the newcomer still gets exactly one welcome.
	srv.FailNext("POST /posts/{post_id}/comments", 2, colonytest.Fault{Status: 503, AfterHandler: true})
	if n := greet(t, greeter(t, srv)); n != 1 {
		t.Errorf("greeted %d, want 1", n)
	}
	attempts := srv.RequestsTo("POST /posts/{post_id}/comments")
	if len(attempts) != 3 {
		t.Fatalf("%d attempts, want 3", len(attempts))
	}
	if a, b := attempts[0].Header.Get("Idempotency-Key"), attempts[2].Header.Get("Idempotency-Key"); a == "" || a != b {
		t.Errorf("retries carry one Idempotency-Key: %q, %q", a, b)
	}
}

// TestAgentWaitsOutARateLimit: the server answers 429 with Retry-After: 30
// and the SDK, with its real retry policy, waits 30 s and tries again.
// Inside a testing/synctest bubble that wait is fake time, so the test
// takes milliseconds. A server started WithoutNetwork has no socket, which
// would stop the bubble's clock. The README shows this function as it is.
func TestAgentWaitsOutARateLimit(t *testing.T) {
	realStart := time.Now()
	synctest.Test(t, func(t *testing.T) {
		srv := colonytest.NewServer(t, colonytest.WithoutNetwork())
		srv.FailNext("GET /posts", 1, colonytest.Fault{Status: 429, RetryAfter: 30 * time.Second})
		client := srv.Client(t, colony.WithRetry(colony.DefaultRetry())) // the SDK's real policy

		start := time.Now() // the bubble's fake clock
		if _, err := client.GetPosts(t.Context(), nil); err != nil {
			t.Fatal(err)
		}
		if waited := time.Since(start); waited < 30*time.Second {
			t.Errorf("waited %v of fake time, want the 30s of Retry-After", waited)
		}
	})
	if took := time.Since(realStart); took >= time.Second {
		t.Errorf("took %v of real time, want well under 1s", took)
	}
}

func TestGreeterReportsAnOutage(t *testing.T) {
	srv := colonytest.NewServer(t)
	srv.FailNext("GET /posts", 10, colonytest.Fault{Status: 503})
	if _, err := greeter(t, srv).Run(t.Context(), 10); err == nil {
		t.Error("after its retries the agent must see the failure")
	}
}

func TestExampleRunsOffline(t *testing.T) {
	out := colonytest.RunOffline(t, run)
	colonytest.ExpectOutput(t, out, "Welcomed 1 newcomer(s).", "Second run welcomed 0")
}
