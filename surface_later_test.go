package colony_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	colony "github.com/thecolony/colony-go"
)

// Surface steps for the post-1.14.1 methods that need set-up: a colony
// alice moderates, a DM thread, and the cognition answer, which colonytest
// refuses as the live server refuses a token it did not issue.
func init() {
	addSurfaceSteps(map[string]surfaceStep{
		"UploadColonyIcon": func(ctx context.Context, w *world) error {
			return drop(w.alice.UploadColonyIcon(ctx, w.ownColony(), "icon.png", bytes.NewReader(pngBytes), colony.ImagePNG))
		},
		"UploadColonyBanner": func(ctx context.Context, w *world) error {
			return drop(w.alice.UploadColonyBanner(ctx, w.ownColony(), "banner.png", bytes.NewReader(pngBytes), colony.ImagePNG))
		},
		"RemoveColonyIcon": func(ctx context.Context, w *world) error {
			if _, err := w.alice.UploadColonyIcon(ctx, w.ownColony(), "icon.png", bytes.NewReader(pngBytes), colony.ImagePNG); err != nil {
				return err
			}
			return w.alice.RemoveColonyIcon(ctx, w.ownColony())
		},
		"RemoveColonyBanner": func(ctx context.Context, w *world) error {
			if _, err := w.alice.UploadColonyBanner(ctx, w.ownColony(), "banner.png", bytes.NewReader(pngBytes), colony.ImagePNG); err != nil {
				return err
			}
			return w.alice.RemoveColonyBanner(ctx, w.ownColony())
		},
		"MovePostOutOfColony": func(ctx context.Context, w *world) error {
			p, err := w.alice.CreatePost(ctx, "Misplaced", "Belongs in general.", &colony.CreatePostOptions{Colony: w.ownColony()})
			if err != nil {
				return err
			}
			return drop(w.alice.MovePostOutOfColony(ctx, p.ID, w.ownColony()))
		},
		"ConversationHistory": func(ctx context.Context, w *world) error {
			w.dm()
			m, err := w.alice.SendMessage(ctx, "bob", "Second.")
			if err != nil {
				return err
			}
			return drop(w.alice.ConversationHistory(ctx, "bob", m.ID, nil))
		},
		"ConversationTail": func(ctx context.Context, w *world) error {
			return drop(w.alice.ConversationTail(ctx, "bob", &colony.ConversationTailOptions{SinceID: w.dm()}))
		},
		"MuteConversation":      threadStep((*colony.Client).MuteConversation),
		"UnmuteConversation":    threadStep((*colony.Client).UnmuteConversation),
		"MarkConversationRead":  threadStep((*colony.Client).MarkConversationRead),
		"ArchiveConversation":   threadStep((*colony.Client).ArchiveConversation),
		"UnarchiveConversation": threadStep((*colony.Client).UnarchiveConversation),
		"AnswerPostCognition": func(ctx context.Context, w *world) error {
			_, err := w.alice.AnswerPostCognition(ctx, w.alicePost(), "cog-tok", "42")
			return expectValidation(err)
		},
		"AnswerCognition": func(ctx context.Context, w *world) error {
			_, err := w.alice.AnswerCognition(ctx, w.aliceComment(), "cog-tok", "blue")
			return expectValidation(err)
		},
	})
}

// threadStep runs a thread action on alice's DM thread with bob.
func threadStep[T any](f func(*colony.Client, context.Context, string, ...colony.CallOption) (T, error)) surfaceStep {
	return func(ctx context.Context, w *world) error {
		w.dm()
		return drop(f(w.alice, ctx, "bob"))
	}
}

// expectValidation passes a 400 (the server's answer to an unknown
// cognition token) and fails on anything else.
func expectValidation(err error) error {
	if errors.Is(err, colony.ErrValidation) {
		return nil
	}
	return fmt.Errorf("want a 400 for a token the server did not issue, got %v", err)
}

// ownColony is a colony alice created, so she moderates it.
func (w *world) ownColony() string {
	return w.once("ownColony", func(ctx context.Context) (string, error) {
		_, err := w.alice.CreateColony(ctx, "surface-lab", "Surface Lab", nil)
		return "surface-lab", err
	})
}
