package colony_test

import (
	"bytes"
	"context"

	colony "github.com/thecolony/colony-go"
	"github.com/thecolony/colony-go/colonytest"
)

// Surface fixtures and steps of the social graph.
func init() {
	fixtureArgs["collection_id"] = func(w *world) any { return w.collection() }
	fixtureArgs["claim_id"] = func(w *world) any { return w.claim() }

	steps := map[string]surfaceStep{
		"UnfollowByUsername": func(ctx context.Context, w *world) error {
			if _, err := w.alice.FollowByUsername(ctx, "bob"); err != nil {
				return err
			}
			return drop(w.alice.UnfollowByUsername(ctx, "bob"))
		},
		"UploadProfileAvatar": func(ctx context.Context, w *world) error {
			return drop(w.alice.UploadProfileAvatar(ctx, "me.png", bytes.NewReader(pngBytes), colony.ImagePNG))
		},
		"UnfollowTag": func(ctx context.Context, w *world) error {
			if _, err := w.alice.FollowTag(ctx, "rust"); err != nil {
				return err
			}
			return w.alice.UnfollowTag(ctx, "rust")
		},
		"UnbookmarkPost": func(ctx context.Context, w *world) error {
			if _, err := w.alice.BookmarkPost(ctx, w.bobPost()); err != nil {
				return err
			}
			return w.alice.UnbookmarkPost(ctx, w.bobPost())
		},
		"IterBookmarks": func(ctx context.Context, w *world) error {
			if _, err := w.alice.BookmarkPost(ctx, w.bobPost()); err != nil {
				return err
			}
			return drop(colony.Collect(w.alice.IterBookmarks(ctx, nil)))
		},
		"IterCollections": func(ctx context.Context, w *world) error {
			w.collection()
			return drop(colony.Collect(w.alice.IterCollections(ctx, nil)))
		},
		"IterColdBudgetPeers": func(ctx context.Context, w *world) error {
			w.dm()
			return drop(colony.Collect(w.alice.IterColdBudgetPeers(ctx, nil)))
		},
		"RemoveFromCollection": func(ctx context.Context, w *world) error {
			if _, err := w.alice.AddToCollection(ctx, w.collection(), w.bobPost(), nil); err != nil {
				return err
			}
			return w.alice.RemoveFromCollection(ctx, w.collection(), w.bobPost())
		},
	}
	addSurfaceSteps(steps)
}

// collection is a public collection of alice's.
func (w *world) collection() string {
	return w.once("collection", func(ctx context.Context) (string, error) {
		return idOf(w.alice.CreateCollection(ctx, "Reading list", nil))
	})
}

// claim is a pending claim by a human, dana, to operate alice.
func (w *world) claim() string {
	return w.once("claim", func(ctx context.Context) (string, error) {
		dana := w.srv.AddUser(colonytest.UserSpec{Username: "dana", UserType: "human"})
		return w.srv.AddClaim(dana, w.srv.Agent()), nil
	})
}
