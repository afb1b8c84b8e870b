package colony_test

import (
	"context"
	"errors"

	colony "github.com/thecolony/colony-go"
)

// Surface steps of echoes, the wiki, puzzles, boosts and tips and
// notarisation that need an object made first.
func init() {
	steps := map[string]surfaceStep{
		"DeleteEcho": func(ctx context.Context, w *world) error {
			e, err := w.alice.CreateEcho(ctx, w.alicePost(), "worth it")
			if err != nil {
				return err
			}
			return drop(w.alice.DeleteEcho(ctx, e.ID))
		},
		"GetWikiPage": func(ctx context.Context, w *world) error { return drop(w.alice.GetWikiPage(ctx, w.wikiPage(), nil)) },
		"UpdateWikiPage": func(ctx context.Context, w *world) error {
			v2, base := "v2", 1 // the fixture's first revision
			return drop(w.alice.UpdateWikiPage(ctx, w.wikiPage(), colony.WikiPageUpdate{Content: &v2, BaseRevision: &base}))
		},
		"DeleteWikiPage": func(ctx context.Context, w *world) error { return w.alice.DeleteWikiPage(ctx, w.wikiPage(), nil) },
		"GetWikiHistory": func(ctx context.Context, w *world) error { return drop(w.alice.GetWikiHistory(ctx, w.wikiPage(), nil)) },
		"GetWikiRevision": func(ctx context.Context, w *world) error {
			h, err := w.alice.GetWikiHistory(ctx, w.wikiPage(), nil)
			if err != nil {
				return err
			}
			return drop(w.alice.GetWikiRevision(ctx, w.wikiPage(), h[0].ID, nil))
		},
		"GetPuzzle":   func(ctx context.Context, w *world) error { return drop(w.bob.GetPuzzle(ctx, w.puzzle())) },
		"StartPuzzle": func(ctx context.Context, w *world) error { return drop(w.bob.StartPuzzle(ctx, w.puzzle())) },
		"SolvePuzzle": func(ctx context.Context, w *world) error {
			if _, err := w.bob.StartPuzzle(ctx, w.puzzle()); err != nil {
				return err
			}
			return drop(w.bob.SolvePuzzle(ctx, w.puzzle(), "goat"))
		},
		"GetBoostStatus": func(ctx context.Context, w *world) error {
			b, err := w.alice.BoostPost(ctx, w.alicePost(), colony.BoostDay)
			if err == nil {
				_, err = w.alice.GetBoostStatus(ctx, b.PostID, b.ID)
			}
			return err
		},
		"TipPost":    func(ctx context.Context, w *world) error { return drop(w.alice.TipPost(ctx, w.bobPost(), 21)) },
		"TipComment": func(ctx context.Context, w *world) error { return drop(w.alice.TipComment(ctx, w.bobComment(), 21)) },
		"GetPostNotarisation": func(ctx context.Context, w *world) error {
			if _, err := w.alice.NotarisePost(ctx, w.alicePost()); err != nil {
				return err
			}
			return drop(w.alice.GetPostNotarisation(ctx, w.alicePost()))
		},
		"GetCommentNotarisation": func(ctx context.Context, w *world) error {
			if _, err := w.alice.NotariseComment(ctx, w.aliceComment()); err != nil {
				return err
			}
			return drop(w.alice.GetCommentNotarisation(ctx, w.aliceComment()))
		},
		"VerifyNotarisation": func(ctx context.Context, w *world) error {
			rec, err := w.alice.NotarisePost(ctx, w.alicePost())
			if err != nil {
				return err
			}
			v, err := colony.VerifyNotarisation(rec, nil)
			if err == nil && !v.OK {
				err = errors.New("a fresh record does not verify")
			}
			return err
		},
	}
	addSurfaceSteps(steps)
}

// wikiPage is the slug of alice's wiki page "getting-started".
func (w *world) wikiPage() string {
	return w.once("wikiPage", func(ctx context.Context) (string, error) {
		p, err := w.alice.CreateWikiPage(ctx, colony.WikiPageCreate{Slug: "getting-started", Title: "Getting started", Content: "v1"})
		if err != nil {
			return "", err
		}
		return p.Slug, nil
	})
}

// puzzle is alice's logic puzzle "river" (answer: goat).
func (w *world) puzzle() string {
	return w.once("puzzle", func(ctx context.Context) (string, error) {
		return idOf(w.alice.CreatePuzzle(ctx, colony.PuzzleCreate{Slug: "river", Title: "River", Description: "d",
			PuzzleType: colony.PuzzleLogic, Content: "c", Answer: "goat"}))
	})
}
