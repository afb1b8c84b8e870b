package colonytest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// extrasFixture is what buildExtras made before the restart.
type extrasFixture struct {
	bob        Agent
	posts      []string // bob's: three echoed, one not
	puzzleID   string
	pendingTip string // a tip's payment hash, unpaid
	boostID    string
	sealed     *colony.Notarisation
	unsealed   string // another post of the default agent's
}

// buildExtras makes, through the API, three echoes (the day's quota), a
// wiki page with two revisions, a solved puzzle, a paid and a pending
// tip, a paid boost and a notarisation.
func buildExtras(t *testing.T, s *Server) extrasFixture {
	t.Helper()
	ctx := t.Context()
	me := s.Client(t)
	f := extrasFixture{bob: s.AddAgent("bob")}
	bob := s.ClientFor(t, f.bob)
	f.posts = s.AddPosts(f.bob, "findings", "Echo me", 4)
	for _, id := range f.posts[:3] {
		_, err := me.CreateEcho(ctx, id, "worth reading")
		require.NoError(t, err)
	}
	_, err := me.CreateWikiPage(ctx, colony.WikiPageCreate{Slug: "field-notes", Title: "Field notes", Content: "v1"})
	require.NoError(t, err)
	_, err = me.UpdateWikiPage(ctx, "field-notes", colony.WikiPageUpdate{Content: colony.Ptr("v2"), BaseRevision: colony.Ptr(1)})
	require.NoError(t, err)
	pz, err := bob.CreatePuzzle(ctx, colony.PuzzleCreate{Slug: "riddle", Title: "Riddle", Description: "A riddle.",
		PuzzleType: colony.PuzzleLogic, Content: "What is six times seven?", Answer: "42"})
	require.NoError(t, err)
	f.puzzleID = pz.ID
	_, err = me.StartPuzzle(ctx, pz.ID)
	require.NoError(t, err)
	v, err := me.SolvePuzzle(ctx, pz.ID, "42")
	require.NoError(t, err)
	require.True(t, v.IsCorrect)
	paid, err := me.TipPost(ctx, f.posts[0], 21)
	require.NoError(t, err)
	require.True(t, s.PayInvoice(paid.PaymentHash))
	pending, err := me.TipPost(ctx, f.posts[1], 50)
	require.NoError(t, err)
	f.pendingTip = pending.PaymentHash
	boost, err := bob.BoostPost(ctx, f.posts[0], colony.BoostDay)
	require.NoError(t, err)
	require.True(t, s.PayInvoice(boost.PaymentHash))
	f.boostID = boost.ID
	f.sealed, err = me.NotarisePost(ctx, s.AddPost(s.Agent(), PostSpec{Title: "Sealed", Body: "As it was."}))
	require.NoError(t, err)
	f.unsealed = s.AddPost(s.Agent(), PostSpec{Title: "Open", Body: "Not yet."})
	return f
}

// TestExtrasStateSurvivesRestart: echoes, the wiki, puzzles, tips, boosts
// and notarisations come back from the state file, and the rules that
// read them still hold.
func TestExtrasStateSurvivesRestart(t *testing.T) {
	b, f := restarted(t, buildExtras)
	ctx := t.Context()
	me, bob := b.Client(t), b.ClientFor(t, f.bob)
	runChecks(t, []restartCheck{
		{"echoes, newest first, and the quota counts them", func(t *testing.T) {
			list, err := me.GetEchoes(ctx, nil)
			require.NoError(t, err)
			require.Len(t, list.Items, 3)
			assert.Equal(t, f.posts[2], list.Items[0].Post.ID)
			_, err = me.CreateEcho(ctx, f.posts[3], "one more")
			require.ErrorIs(t, err, colony.ErrRateLimited)
		}},
		{"a wiki edit on a stale base revision conflicts", func(t *testing.T) {
			history, err := me.GetWikiHistory(ctx, "field-notes", nil)
			require.NoError(t, err)
			assert.Len(t, history, 2)
			_, err = me.UpdateWikiPage(ctx, "field-notes", colony.WikiPageUpdate{Content: colony.Ptr("v3"), BaseRevision: colony.Ptr(1)})
			assert.Equal(t, "EDIT_CONFLICT", errCode(err))
			pg, err := me.UpdateWikiPage(ctx, "field-notes", colony.WikiPageUpdate{Content: colony.Ptr("v3"), BaseRevision: colony.Ptr(2)})
			require.NoError(t, err)
			assert.Equal(t, 3, pg.RevisionCount)
		}},
		{"the puzzle stays solved", func(t *testing.T) {
			pz, err := me.GetPuzzle(ctx, f.puzzleID)
			require.NoError(t, err)
			assert.Equal(t, "solved", pz.AttemptStatus)
			assert.Equal(t, 1, pz.SolveCount)
			assert.NotEmpty(t, pz.Content, "started before the restart")
		}},
		{"the paid tip is listed and the pending one can still be paid", func(t *testing.T) {
			list, err := me.ListTips(ctx, nil)
			require.NoError(t, err)
			assert.Equal(t, 1, list.Total)
			require.True(t, b.PayInvoice(f.pendingTip))
			list, err = me.ListTips(ctx, nil)
			require.NoError(t, err)
			assert.Equal(t, 2, list.Total)
		}},
		{"the boost runs", func(t *testing.T) {
			st, err := bob.GetBoostStatus(ctx, f.posts[0], f.boostID)
			require.NoError(t, err)
			assert.Equal(t, "active", st.Status)
		}},
		{"the notarised post stays frozen and the chain goes on", func(t *testing.T) {
			got, err := me.GetPostNotarisation(ctx, f.sealed.SubjectID)
			require.NoError(t, err)
			assert.Equal(t, f.sealed.EntryHash, got.EntryHash)
			_, err = me.UpdatePost(ctx, f.sealed.SubjectID, &colony.UpdatePostOptions{Body: colony.Ptr("Changed.")})
			assert.Equal(t, "NOTARISED", errCode(err))
			next, err := me.NotarisePost(ctx, f.unsealed)
			require.NoError(t, err)
			assert.Equal(t, 2, next.Seq)
			assert.Equal(t, sha256Hex(f.sealed.EntryHash+next.PayloadHash), next.EntryHash)
		}},
	})
}
