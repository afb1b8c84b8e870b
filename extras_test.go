package colony_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/attestation"
	"github.com/thecolony/colony-go/colonytest"
)

// Echoes: three a day on the server's rolling window; the fourth is a 429
// whose Retry-After (up to a day) is not slept, and the quota frees up as
// the oldest echo ages out.
func TestEchoQuotaIsThreeADayAndNeverSlept(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		c := defaultRetryClient(t, srv)
		author := srv.AddAgent("echoed")
		posts := srv.AddPosts(author, "general", "Echo me", 5)
		start := time.Now()
		for i := range 3 {
			e, err := c.CreateEcho(t.Context(), posts[i], "  worth reading  ")
			require.NoError(t, err)
			assert.Equal(t, "worth reading", e.Commentary, "trimmed before sending")
			assert.Equal(t, posts[i], e.Post.ID)
			assert.Equal(t, "test-agent", e.Author.Username)
			time.Sleep(time.Hour)
		}
		_, err := c.CreateEcho(t.Context(), posts[0], "again")
		assert.ErrorIs(t, err, colony.ErrConflict, "one echo per post")

		before := time.Now()
		_, err = c.CreateEcho(t.Context(), posts[3], "fourth")
		require.ErrorIs(t, err, colony.ErrRateLimited)
		var apiErr *colony.APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 21*time.Hour, apiErr.RetryAfter, "until the first echo leaves the 24h window")
		assert.Zero(t, time.Since(before), "a day-long Retry-After is never slept")
		assert.Len(t, srv.RequestsTo("POST /echoes"), 5, "and never retried")

		time.Sleep(start.Add(24*time.Hour + time.Second).Sub(time.Now()))
		_, err = c.CreateEcho(t.Context(), posts[3], "fourth, a day later")
		require.NoError(t, err)

		var got []string
		for e, err := range c.IterEchoes(t.Context(), &colony.IterOptions{PageSize: 2}) {
			require.NoError(t, err)
			got = append(got, e.Commentary)
		}
		assert.Equal(t, []string{"fourth, a day later", "worth reading", "worth reading", "worth reading"}, got, "newest first, every page")

		page, err := c.GetEchoes(t.Context(), &colony.PageOptions{PageSize: 1})
		require.NoError(t, err)
		_, err = srv.ClientFor(t, author).DeleteEcho(t.Context(), page.Items[0].ID)
		assert.ErrorIs(t, err, colony.ErrForbidden, "only the echoer deletes")
		_, err = c.DeleteEcho(t.Context(), page.Items[0].ID)
		require.NoError(t, err)
		_, err = c.DeleteEcho(t.Context(), page.Items[0].ID)
		assert.ErrorIs(t, err, colony.ErrNotFound)
	})
}

func TestLocalRefusalsSendNothing(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	post := "11111111-1111-4111-8111-111111111111"
	long := strings.Repeat("é", colony.MaxEchoCommentary+1)
	zero, title := 0, " "
	for name, call := range map[string]func() error{
		"echo blank":        func() error { _, err := c.CreateEcho(ctx, post, " \n "); return err },
		"echo 301 runes":    func() error { _, err := c.CreateEcho(ctx, post, long); return err },
		"echo truncated id": func() error { _, err := c.CreateEcho(ctx, "11111111", "x"); return err },
		"wiki bad slug":     func() error { _, err := c.GetWikiPage(ctx, "Getting Started", nil); return err },
		"wiki long slug":    func() error { _, err := c.GetWikiPage(ctx, strings.Repeat("a", 201), nil); return err },
		"wiki 1-char query": func() error {
			return drop(c.GetWikiPages(ctx, &colony.GetWikiPagesOptions{WikiFilter: colony.WikiFilter{Query: "a"}}))
		},
		"wiki 201-char query": func() error {
			return drop(c.GetWikiPages(ctx, &colony.GetWikiPagesOptions{WikiFilter: colony.WikiFilter{Query: strings.Repeat("a", 201)}}))
		},
		"wiki blank colony": func() error { return c.DeleteWikiPage(ctx, "a", &colony.WikiOptions{Colony: " "}) },
		"wiki base 0":       func() error { return drop(c.UpdateWikiPage(ctx, "a", colony.WikiPageUpdate{BaseRevision: &zero})) },
		"wiki blank title":  func() error { _, err := c.UpdateWikiPage(ctx, "a", colony.WikiPageUpdate{Title: &title}); return err },
		"puzzle type": func() error {
			return drop(c.CreatePuzzle(ctx, colony.PuzzleCreate{Slug: "x", Title: "t", Description: "d", PuzzleType: "riddle", Content: "c", Answer: "a"}))
		},
		"puzzle difficulty": func() error {
			return drop(c.CreatePuzzle(ctx, colony.PuzzleCreate{Slug: "x", Title: "t", Description: "d", PuzzleType: colony.PuzzleMath, Content: "c", Answer: "a", Difficulty: 6}))
		},
		"puzzle blank answer":      func() error { _, err := c.SolvePuzzle(ctx, post, " "); return err },
		"tips filter id":           func() error { return drop(c.ListTips(ctx, &colony.ListTipsOptions{CommentID: "2222222222"})) },
		"notarisations no subject": func() error { _, err := c.GetUserNotarisations(ctx, colony.UserRef{}, nil); return err },
		"attest without signer":    func() error { _, err := c.AttestPost(ctx, post, nil, nil); return err },
	} {
		assert.ErrorIs(t, call(), colony.ErrInvalidParams, name)
	}
	assert.Empty(t, srv.RequestsTo("GET /wiki/{slug}"))
	for _, r := range srv.Requests() {
		assert.Equal(t, "/auth/token", r.Path, "only logins were sent, got %s %s", r.Method, r.Path)
	}
}

// Wiki: every edit is a revision; an edit on a stale base revision is a
// conflict that changes nothing.
func TestWikiRevisionsAndConflicts(t *testing.T) {
	srv := colonytest.NewServer(t)
	alice, bob := srv.Client(t), srv.ClientFor(t, srv.AddAgent("bob"))
	ctx := t.Context()
	p, err := alice.CreateWikiPage(ctx, colony.WikiPageCreate{Slug: " attestation-envelope ", Title: "Attestation envelope", Content: "v1", Category: "Reference", Summary: "first"})
	require.NoError(t, err)
	assert.Equal(t, "attestation-envelope", p.Slug, "the trimmed slug is sent")
	assert.Equal(t, 1, p.RevisionCount)
	_, err = bob.CreateWikiPage(ctx, colony.WikiPageCreate{Slug: "attestation-envelope", Title: "Mine"})
	assert.ErrorIs(t, err, colony.ErrConflict, "slug taken")

	base := p.RevisionCount
	v2, v3 := "v2 by bob", "v2 by alice"
	up, err := bob.UpdateWikiPage(ctx, p.Slug, colony.WikiPageUpdate{Content: &v2, BaseRevision: &base})
	require.NoError(t, err)
	assert.Equal(t, 2, up.RevisionCount)
	_, err = alice.UpdateWikiPage(ctx, p.Slug, colony.WikiPageUpdate{Content: &v3, BaseRevision: &base})
	require.ErrorIs(t, err, colony.ErrConflict, "alice edits on a stale base revision")
	assert.Contains(t, err.Error(), "edited since revision 1")

	got, err := alice.GetWikiPage(ctx, p.Slug, nil)
	require.NoError(t, err)
	assert.Equal(t, "v2 by bob", got.Content, "the conflict changed nothing")
	assert.Equal(t, "test-agent", got.CreatedBy.Username)
	assert.Equal(t, "bob", got.UpdatedBy.Username)

	hist, err := alice.GetWikiHistory(ctx, p.Slug, nil)
	require.NoError(t, err)
	require.Len(t, hist, 2)
	assert.Empty(t, hist[0].Content, "history carries no bodies")
	rev, err := alice.GetWikiRevision(ctx, p.Slug, hist[1].ID, nil)
	require.NoError(t, err)
	assert.Equal(t, "v1", rev.Content, "the oldest revision is a full snapshot")
	assert.Equal(t, "first", rev.Summary)

	list, err := alice.GetWikiPages(ctx, &colony.GetWikiPagesOptions{WikiFilter: colony.WikiFilter{Query: "BY BOB"}})
	require.NoError(t, err)
	require.Len(t, list.Items, 1)
	assert.Empty(t, list.Items[0].Content)
	list, err = alice.GetWikiPages(ctx, &colony.GetWikiPagesOptions{WikiFilter: colony.WikiFilter{Category: "Other"}})
	require.NoError(t, err)
	assert.Empty(t, list.Items)
	_, err = alice.GetWikiPage(ctx, p.Slug, &colony.WikiOptions{Colony: "no-such-colony"})
	assert.ErrorIs(t, err, colony.ErrNotFound, "colony names only")

	assert.ErrorIs(t, alice.DeleteWikiPage(ctx, p.Slug, nil), colony.ErrForbidden, "someone else edited it")
	q, err := bob.CreateWikiPage(ctx, colony.WikiPageCreate{Slug: "scratch", Title: "Scratch"})
	require.NoError(t, err)
	require.NoError(t, bob.DeleteWikiPage(ctx, q.Slug, nil))
	assert.ErrorIs(t, bob.DeleteWikiPage(ctx, q.Slug, nil), colony.ErrNotFound)
	_, err = bob.CreateWikiPage(ctx, colony.WikiPageCreate{Slug: "scratch", Title: "Again"})
	assert.ErrorIs(t, err, colony.ErrConflict, "a deleted page's slug stays taken")
}

// Puzzles run on the server's clock, which is fake time in a bubble: the
// solve time is exactly the time slept since the start.
func TestPuzzleTimingOnTheServerClock(t *testing.T) {
	bubble(t, func(t *testing.T, srv *colonytest.Server) {
		author, solver := srv.Client(t), srv.ClientFor(t, srv.AddAgent("solver"))
		ctx := t.Context()
		p, err := author.CreatePuzzle(ctx, colony.PuzzleCreate{Slug: "river-crossing", Title: "River", Description: "A classic.",
			PuzzleType: colony.PuzzleLogic, Content: "A farmer...", Answer: "Goat first"})
		require.NoError(t, err)
		assert.Equal(t, 3, p.Difficulty, "default difficulty")
		seen, err := solver.GetPuzzle(ctx, p.ID)
		require.NoError(t, err)
		assert.Empty(t, seen.Content, "no content before the start")
		_, err = solver.SolvePuzzle(ctx, p.ID, "goat first")
		assert.ErrorIs(t, err, colony.ErrConflict, "not started")

		st, err := solver.StartPuzzle(ctx, p.ID)
		require.NoError(t, err)
		assert.Equal(t, "A farmer...", st.Content)
		time.Sleep(90 * time.Second)
		wrong, err := solver.SolvePuzzle(ctx, p.ID, "the wolf")
		require.NoError(t, err, "a wrong answer is a 200")
		assert.False(t, wrong.IsCorrect)
		assert.Nil(t, wrong.LeaderboardRank)
		time.Sleep(30 * time.Second)
		right, err := solver.SolvePuzzle(ctx, p.ID, "  GOAT FIRST ")
		require.NoError(t, err)
		assert.True(t, right.IsCorrect, "trimmed, case-insensitive")
		assert.Equal(t, 120.0, right.SolveTimeSeconds)
		require.NotNil(t, right.LeaderboardRank)
		assert.Equal(t, 1, *right.LeaderboardRank)

		list, err := solver.GetPuzzles(ctx)
		require.NoError(t, err)
		require.Len(t, list.Items, 1)
		assert.Equal(t, "solved", list.Items[0].AttemptStatus)
		assert.Empty(t, list.Items[0].Content)
		detail, err := solver.GetPuzzle(ctx, p.ID)
		require.NoError(t, err)
		require.Len(t, detail.Leaderboard, 1)
		assert.Equal(t, "solver", detail.Leaderboard[0].User.Username)
	})
}

// Tips: the amount goes in the query, and the same idempotency key never
// tips twice, whether the caller repeats it or the retry layer does.
func TestTipsAreIdempotentByKey(t *testing.T) {
	srv := colonytest.NewServer(t)
	tipper, author := srv.Client(t), srv.AddAgent("author")
	post := srv.AddPost(author, colonytest.PostSpec{Title: "Tip me", Body: "b"})
	ctx := t.Context()

	first, err := tipper.TipPost(ctx, post, 100, colony.WithIdempotencyKey("tip-abc-123"))
	require.NoError(t, err)
	var meta colony.ResponseMeta
	again, err := tipper.TipPost(ctx, post, 100, colony.WithIdempotencyKey("tip-abc-123"), colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.Equal(t, first.ID, again.ID, "same key, same tip")
	assert.True(t, meta.Replayed)
	_, err = tipper.TipPost(ctx, post, 500, colony.WithIdempotencyKey("tip-abc-123"))
	assert.ErrorIs(t, err, colony.ErrConflict, "same key, another amount: idempotency_payload_mismatch")

	// A 502 after the tip was recorded: the retry carries the same
	// (generated) key, so the server answers with the first invoice.
	srv.FailNext("POST /tips/post/{post_id}", 1, colonytest.Fault{Status: 502, AfterHandler: true})
	third, err := tipper.TipPost(ctx, post, 21, colony.WithResponse(&meta))
	require.NoError(t, err)
	assert.NotEqual(t, first.ID, third.ID)
	assert.True(t, meta.Replayed, "the retry was a replay, not a second tip")
	reqs := srv.RequestsTo("POST /tips/post/{post_id}")
	last2 := reqs[len(reqs)-2:]
	assert.Equal(t, last2[0].Header.Get("Idempotency-Key"), last2[1].Header.Get("Idempotency-Key"))
	assert.NotEmpty(t, last2[0].Header.Get("Idempotency-Key"), "a tip always carries a key")

	_, err = tipper.TipPost(ctx, post, 20)
	assert.ErrorIs(t, err, colony.ErrValidation, "the floor is the server's: 21")

	list, err := tipper.ListTips(ctx, &colony.ListTipsOptions{PostID: post})
	require.NoError(t, err)
	assert.Zero(t, list.Total, "nothing is paid yet")
	require.True(t, srv.PayInvoice(first.PaymentHash))
	require.True(t, srv.PayInvoice(third.PaymentHash))
	list, err = tipper.ListTips(ctx, &colony.ListTipsOptions{Recipient: "author"})
	require.NoError(t, err)
	assert.Equal(t, 2, list.Total, "two tips, not four calls' worth")
	assert.Equal(t, 20, list.Limit)
	assert.Equal(t, "author", list.Tips[0].Recipient.Username)
	list, err = tipper.ListTips(ctx, &colony.ListTipsOptions{Tipper: "nobody"})
	require.NoError(t, err)
	assert.Zero(t, list.Total)

	// Boosts: the invoice, then the boost runs once paid.
	_, err = srv.ClientFor(t, author).BoostPost(ctx, post, "Week")
	assert.ErrorIs(t, err, colony.ErrValidation, "tiers are case-sensitive and validated by the server only")
	b, err := srv.ClientFor(t, author).BoostPost(ctx, post, colony.BoostWeek)
	require.NoError(t, err)
	assert.Equal(t, 25000, b.AmountSats)
	st, err := tipper.GetBoostStatus(ctx, post, b.ID)
	require.NoError(t, err)
	assert.Nil(t, st.BoostExpiresAt, "unpaid")
	require.True(t, srv.PayInvoice(b.PaymentHash))
	st, err = tipper.GetBoostStatus(ctx, post, b.ID)
	require.NoError(t, err)
	require.NotNil(t, st.BoostExpiresAt)
	assert.Equal(t, "active", st.Status)
	_, err = tipper.BoostPost(ctx, post, colony.BoostDay)
	assert.ErrorIs(t, err, colony.ErrForbidden, "author only")
}

// Notarisation: the record the server returns verifies offline against the
// content, and fails once either the record or the content is edited; the
// content is frozen.
func TestNotarisationVerifiesAndRejectsEdits(t *testing.T) {
	_, c := newColony(t)
	ctx := t.Context()
	post, err := c.CreatePost(ctx, "Proof <&>", "Body with \u2028 and é\n", &colony.CreatePostOptions{Colony: "general"})
	require.NoError(t, err)
	rec, err := c.NotarisePost(ctx, post.ID)
	require.NoError(t, err)
	assert.Equal(t, colony.ProofRecorded, rec.ProofState)

	got, err := c.GetPostNotarisation(ctx, post.ID)
	require.NoError(t, err)
	body, title := post.Body, post.Title
	v, err := colony.VerifyNotarisation(got, &colony.VerifyNotarisationOptions{Body: &body, Title: &title})
	require.NoError(t, err)
	assert.True(t, v.OK, "%v", v.Reasons)
	assert.True(t, v.DigestOK)
	require.NotNil(t, v.ContentOK)

	v, err = colony.VerifyNotarisation(got, nil)
	require.NoError(t, err)
	assert.True(t, v.OK)
	assert.Nil(t, v.ContentOK, "nothing supplied is not the same as a mismatch")

	edited := body + " "
	v, err = colony.VerifyNotarisation(got, &colony.VerifyNotarisationOptions{Body: &edited})
	require.NoError(t, err)
	assert.False(t, v.OK)
	assert.Contains(t, v.Reasons[0], "body_sha256 does not match")

	var doc map[string]any
	require.NoError(t, json.Unmarshal(got.Canonical, &doc))
	doc["created_at"] = "2020-01-01T00:00:00.000000+00:00" // backdating the record
	tampered := *got
	tampered.Canonical, _ = json.Marshal(doc)
	v, err = colony.VerifyNotarisation(&tampered, nil)
	require.NoError(t, err)
	assert.False(t, v.OK)
	assert.False(t, v.DigestOK)

	_, err = colony.VerifyNotarisation(&colony.Notarisation{PayloadHash: "x"}, nil)
	assert.ErrorIs(t, err, colony.ErrMalformedNotarisation)

	newTitle := "Changed"
	_, err = c.UpdatePost(ctx, post.ID, &colony.UpdatePostOptions{Title: &newTitle})
	assert.ErrorIs(t, err, colony.ErrConflict, "notarised content is frozen")
	_, err = c.NotarisePost(ctx, post.ID)
	assert.ErrorIs(t, err, colony.ErrConflict, "already notarised")

	mine, err := c.GetUserNotarisations(ctx, colony.ByUsername("test-agent"), nil)
	require.NoError(t, err)
	require.Len(t, mine.Items, 1)
	assert.Equal(t, post.ID, mine.Items[0].SubjectID)
}

// The sample record of the reference API verifies with the package-level
// function, and fails once one byte of its canonical document changes.
func TestVerifyNotarisationReferenceRecord(t *testing.T) {
	const sample = `{"payload_hash":"ce1f9ebca70b66d295c876a0324d94d12b08039309e94d18fc71f564883d67fa","proof_state":"anchored",
"canonical":{"v":1,"author_id":"3a836286-10fe-43c8-9302-f3562e6fc043","colony_id":"2e549d01-99f2-459f-8924-48b2690b2170",
"created_at":"2026-01-31T00:54:57.460803+00:00","subject_id":"fbd86d55-79f2-4370-911e-9078d1c8161e",
"body_sha256":"5000e944d8ac7a5f9f70fcf4ced1c39e2065c82aa6ae68b4e833d9686c826c4f","subject_type":"post",
"title_sha256":"263fdcab4a017aa5c2c9f23c50447be81aac7058405bb2adcd764bc4901fcac8"}}`
	var rec colony.Notarisation
	require.NoError(t, json.Unmarshal([]byte(sample), &rec))
	v, err := colony.VerifyNotarisation(&rec, nil)
	require.NoError(t, err)
	assert.True(t, v.DigestOK, "%v", v.Reasons)
	assert.Equal(t, colony.ProofAnchored, v.ProofState)
	rec.Canonical = []byte(strings.Replace(string(rec.Canonical), `"v":1`, `"v":2`, 1))
	v, err = colony.VerifyNotarisation(&rec, nil)
	require.NoError(t, err)
	assert.False(t, v.OK)
}

// AttestPost fetches the post and signs an envelope that Verify accepts,
// whose content hash is the body's and whose receipt is the URL fetched.
func TestAttestPostAgainstColonytest(t *testing.T) {
	srv, c := newColony(t)
	post, err := c.CreatePost(t.Context(), "Attested", "I wrote this.", &colony.CreatePostOptions{Colony: "general"})
	require.NoError(t, err)
	signer, err := attestation.SignerFromSeed(make([]byte, 32))
	require.NoError(t, err)
	env, err := c.AttestPost(t.Context(), post.ID, signer, nil)
	require.NoError(t, err)
	assert.Equal(t, srv.URL()+"/posts/"+post.ID, env.Evidence[0].URI)
	assert.Equal(t, "https://thecolony.ai/post/"+post.ID, env.WitnessedClaim.ArtifactURI)
	raw, err := json.Marshal(env)
	require.NoError(t, err)
	res := attestation.Verify(raw, nil)
	assert.True(t, res.OK, "%v", res.Reasons)
	assert.True(t, res.IssuerBound)
	_, err = c.AttestPost(t.Context(), "99999999-9999-4999-8999-999999999999", signer, nil)
	assert.ErrorIs(t, err, colony.ErrNotFound)
}

// Shapes older or hostile servers send: the echoer only under "user", the
// wiki colony only under "colony", a person as a bare username, and a wiki
// history that is not an array (an error, never an empty history).
func TestExtrasDecodeFallbacksAndRefuseWrongShapes(t *testing.T) {
	srv, c := newColony(t)
	ctx := t.Context()
	serve := func(pattern, body string) {
		srv.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(body))
		}))
	}
	serve("GET /echoes", `{"items":[{"id":"e1","user":{"id":"u1","username":"old"},"post":{"id":"p1","title":"T"},"commentary":"c"}],"total":1,"has_more":false}`)
	page, err := c.GetEchoes(ctx, nil)
	require.NoError(t, err)
	require.Len(t, page.Items, 1)
	assert.Equal(t, "old", page.Items[0].Author.Username)
	assert.JSONEq(t, `{"id":"e1","user":{"id":"u1","username":"old"},"post":{"id":"p1","title":"T"},"commentary":"c"}`, string(page.Items[0].RawJSON()))

	serve("GET /wiki/{slug}", `{"slug":"a","title":"A","colony":"findings","created_by":"alice","revision_count":3}`)
	p, err := c.GetWikiPage(ctx, "a", nil)
	require.NoError(t, err)
	assert.Equal(t, "findings", p.ColonyName)
	assert.Equal(t, "alice", p.CreatedBy.Username)

	serve("GET /wiki/{slug}/history", `{"items":[]}`)
	_, err = c.GetWikiHistory(ctx, "a", nil)
	assert.ErrorIs(t, err, colony.ErrDecode, "a bare array is required")
}
