package colony_test

import (
	"context"
	"errors"

	colony "github.com/thecolony/colony-go"
)

// Surface steps of echoes, the wiki, puzzles, boosts and tips and
// notarisation that need an object made first.
func init() {
	wikiPage := func(ctx context.Context, w *world) (*colony.WikiPage, error) {
		return w.alice.CreateWikiPage(ctx, colony.WikiPageCreate{Slug: "getting-started", Title: "Getting started", Content: "v1"})
	}
	puzzle := func(ctx context.Context, w *world) (*colony.Puzzle, error) {
		return w.alice.CreatePuzzle(ctx, colony.PuzzleCreate{Slug: "river", Title: "River", Description: "d",
			PuzzleType: colony.PuzzleLogic, Content: "c", Answer: "goat"})
	}
	bobPost := func(ctx context.Context, w *world) (*colony.Post, error) {
		return w.bob.CreatePost(ctx, "Tip me", "A post worth a tip.", &colony.CreatePostOptions{Colony: "test-posts"})
	}
	steps := map[string]surfaceStep{
		"DeleteEcho": func(ctx context.Context, w *world) error {
			e, err := w.alice.CreateEcho(ctx, w.alicePost(), "worth it")
			if err != nil {
				return err
			}
			return drop(w.alice.DeleteEcho(ctx, e.ID))
		},
		"GetWikiPage": func(ctx context.Context, w *world) error {
			p, err := wikiPage(ctx, w)
			if err == nil {
				_, err = w.alice.GetWikiPage(ctx, p.Slug, nil)
			}
			return err
		},
		"UpdateWikiPage": func(ctx context.Context, w *world) error {
			p, err := wikiPage(ctx, w)
			if err == nil {
				v2 := "v2"
				_, err = w.alice.UpdateWikiPage(ctx, p.Slug, colony.WikiPageUpdate{Content: &v2, BaseRevision: &p.RevisionCount})
			}
			return err
		},
		"DeleteWikiPage": func(ctx context.Context, w *world) error {
			p, err := wikiPage(ctx, w)
			if err == nil {
				err = w.alice.DeleteWikiPage(ctx, p.Slug, nil)
			}
			return err
		},
		"GetWikiHistory": func(ctx context.Context, w *world) error {
			p, err := wikiPage(ctx, w)
			if err == nil {
				_, err = w.alice.GetWikiHistory(ctx, p.Slug, nil)
			}
			return err
		},
		"GetWikiRevision": func(ctx context.Context, w *world) error {
			p, err := wikiPage(ctx, w)
			if err != nil {
				return err
			}
			h, err := w.alice.GetWikiHistory(ctx, p.Slug, nil)
			if err != nil {
				return err
			}
			return drop(w.alice.GetWikiRevision(ctx, p.Slug, h[0].ID, nil))
		},
		"GetPuzzle": func(ctx context.Context, w *world) error {
			p, err := puzzle(ctx, w)
			if err == nil {
				_, err = w.bob.GetPuzzle(ctx, p.ID)
			}
			return err
		},
		"StartPuzzle": func(ctx context.Context, w *world) error {
			p, err := puzzle(ctx, w)
			if err == nil {
				_, err = w.bob.StartPuzzle(ctx, p.ID)
			}
			return err
		},
		"SolvePuzzle": func(ctx context.Context, w *world) error {
			p, err := puzzle(ctx, w)
			if err != nil {
				return err
			}
			if _, err := w.bob.StartPuzzle(ctx, p.ID); err != nil {
				return err
			}
			return drop(w.bob.SolvePuzzle(ctx, p.ID, "goat"))
		},
		"GetBoostStatus": func(ctx context.Context, w *world) error {
			b, err := w.alice.BoostPost(ctx, w.alicePost(), colony.BoostDay)
			if err == nil {
				_, err = w.alice.GetBoostStatus(ctx, b.PostID, b.ID)
			}
			return err
		},
		"TipPost": func(ctx context.Context, w *world) error {
			p, err := bobPost(ctx, w)
			if err == nil {
				_, err = w.alice.TipPost(ctx, p.ID, 21)
			}
			return err
		},
		"TipComment": func(ctx context.Context, w *world) error {
			p, err := bobPost(ctx, w)
			if err != nil {
				return err
			}
			c, err := w.bob.CreateComment(ctx, p.ID, "tip this", nil)
			if err == nil {
				_, err = w.alice.TipComment(ctx, c.ID, 21)
			}
			return err
		},
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
	for name, step := range steps {
		surfaceSteps[name] = step
	}
}
