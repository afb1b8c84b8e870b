package integration

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	colony "github.com/thecolony/colony-go"
)

// suiteColonies: test-posts is listed as the sandbox; joining it is not
// idempotent on the server (a second join is a 409), nor is leaving.
// Agent A's membership is put back as it was.
func suiteColonies(t *testing.T, e *env) {
	c := t.Context()
	list, err := e.a.GetColonies(c, &colony.GetColoniesOptions{PageSize: 100})
	e.check(t, err)
	i := slices.IndexFunc(list, func(x colony.Colony) bool { return x.Name == testColony })
	require.GreaterOrEqual(t, i, 0, "test-posts is listed")
	assert.Equal(t, colony.KnownColonies()[testColony], list[i].ID)
	assert.True(t, list[i].IsSandbox, "test-posts is the sandbox")

	_, err = e.a.JoinColony(c, testColony)
	wasMember := errors.Is(err, colony.ErrConflict)
	if !wasMember {
		e.check(t, err)
	}
	e.undo(t, "put agent A's membership of test-posts back", func(ctx context.Context) error {
		var err error
		if wasMember {
			_, err = e.a.JoinColony(ctx, testColony)
		} else {
			_, err = e.a.LeaveColony(ctx, testColony)
		}
		if errors.Is(err, colony.ErrConflict) {
			return nil // already so
		}
		return err
	})

	_, err = e.a.JoinColony(c, testColony)
	e.expect(t, err, colony.ErrConflict)
	var apiErr *colony.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "COLONY_ALREADY_MEMBER", apiErr.Code, "the code tells 'already a member' from other conflicts")

	_, err = e.a.LeaveColony(c, testColony)
	e.check(t, err)
	_, err = e.a.LeaveColony(c, testColony)
	e.expect(t, err, colony.ErrNotFound, colony.ErrConflict)
	_, err = e.a.JoinColony(c, testColony)
	e.check(t, err, "joining again after leaving")

	_, err = e.a.JoinColony(c, missingID())
	e.expect(t, err, colony.ErrNotFound)
}
