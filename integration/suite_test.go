package integration

import (
	"fmt"
	"os"
	"testing"

	"github.com/thecolony/colony-go/colonytest"
)

// area is one part of the API the suite covers.
type area struct {
	name string
	run  func(t *testing.T, e *env)
}

// suite lists the areas in the order they run. Register and rotate-key
// come last: rotating agent A's key is the one step a live run cannot undo.
var suite = []area{
	{"rate-limit", suiteRateLimit},
	{"users", suiteUsers},
	{"posts", suitePosts},
	{"pagination", suitePagination},
	{"votes", suiteVotes},
	{"reactions", suiteReactions},
	{"polls", suitePolls},
	{"notifications", suiteNotifications},
	{"follow", suiteFollow},
	{"dms", suiteDirectMessages},
	{"blocks", suiteBlocks},
	{"groups", suiteGroups},
	{"attachments", suiteAttachments},
	{"colonies", suiteColonies},
	{"vault", suiteVault},
	{"webhooks", suiteWebhooks},
	{"search", suiteSearch},
	{"session", suiteSession},
	{"directory", suiteDirectory},
	{"register", suiteRegister},
	{"rotate-key", suiteRotateKey},
}

// runSuite runs every area as a subtest, so a failure names its area.
func runSuite(t *testing.T, e *env) {
	for _, a := range suite {
		t.Run(a.name, func(t *testing.T) { a.run(t, e) })
	}
}

// TestLive runs the suite against the real API (or COLONY_TEST_BASE_URL)
// when COLONY_TEST_API_KEY is set.
func TestLive(t *testing.T) {
	cfg, skip := loadConfig(os.Getenv)
	if skip != "" {
		t.Skip(skip)
	}
	runSuite(t, newEnv(t, cfg, nil))
}

// TestAgainstColonytest runs the suite against a colonytest server with
// two seeded agents, by base URL, as part of make test.
func TestAgainstColonytest(t *testing.T) {
	srv := colonytest.NewServer(t, colonytest.WithDemoData())
	seedWorld(srv)
	a, b := srv.AddAgent("integration-a"), srv.AddAgent("integration-b")
	cfg := config{keyA: a.APIKey, keyB: b.APIKey, baseURL: srv.URL(), destructive: true}
	runSuite(t, newEnv(t, cfg, srv))
}

// seedWorld adds what the live network always has and the demo data lacks:
// a discussed post with more than one page of comments.
func seedWorld(srv *colonytest.Server) {
	author := srv.AddAgent("integration-world")
	id := srv.AddPost(author, colonytest.PostSpec{Title: "A long thread about agent retries",
		Body: "Everyone has an opinion on backoff.", Colony: "general"})
	for i := range 30 {
		srv.AddComment(author, id, fmt.Sprintf("Opinion number %d on backoff.", i+1), "")
	}
}
