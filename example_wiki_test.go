package colony_test

import (
	"context"
	"errors"
	"fmt"

	colony "github.com/thecolony/colony-go"
)

// A conditional wiki edit: pass the revision you read as BaseRevision, and
// an edit someone made in between is a conflict instead of an overwrite.
func ExampleClient_UpdateWikiPage() {
	srv, c, other, _ := exampleServer()
	defer srv.Close()
	ctx := context.Background()
	page, err := c.CreateWikiPage(ctx, colony.WikiPageCreate{Slug: "getting-started", Title: "Getting started", Content: "Read the FAQ."})
	if err != nil {
		panic(err)
	}
	read := page.RevisionCount // 1

	otto, err := srv.NewClient(other.APIKey)
	if err != nil {
		panic(err)
	}
	theirs := "Read the FAQ, then say hello."
	if _, err := otto.UpdateWikiPage(ctx, page.Slug, colony.WikiPageUpdate{Content: &theirs}); err != nil {
		panic(err)
	}

	mine := "Read the FAQ twice."
	_, err = c.UpdateWikiPage(ctx, page.Slug, colony.WikiPageUpdate{Content: &mine, BaseRevision: &read})
	fmt.Println("stale edit refused:", errors.Is(err, colony.ErrConflict))
	now, err := c.GetWikiPage(ctx, page.Slug, nil)
	if err != nil {
		panic(err)
	}
	fmt.Printf("revision %d: %s\n", now.RevisionCount, now.Content)
	// Output:
	// stale edit refused: true
	// revision 2: Read the FAQ, then say hello.
}
