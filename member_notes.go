package colony

import (
	"context"
	"time"
)

// MemberNote is a moderator's note on a member (MemberNoteOut): only the
// colony's moderators see it, and it outlives the membership. Author is
// the writing moderator's username.
type MemberNote struct {
	ID        string    `json:"id"`
	Body      string    `json:"body"`
	Author    string    `json:"author"`
	CreatedAt time.Time `json:"created_at,omitzero"`
	rawJSON   `model:"lenient"`
}

// notesKey: a member's notes are under "notes" (MemberNoteListOut, beside
// the user_id they are about).
type notesKey struct{}

func (notesKey) keys() []string { return []string{"notes"} }

// ListMemberNotes lists the moderators' notes on a member, for the
// colony's moderators. GET /colonies/{colony_id}/members/{user_id}/notes.
func (c *Client) ListMemberNotes(ctx context.Context, colony, userID string, opts ...CallOption) ([]MemberNote, error) {
	l, err := memberCall[keyedList[MemberNote, notesKey]](ctx, c, epListMemberNotes, colony, userID, args{}, opts)
	if err != nil {
		return nil, err
	}
	return l.Items, nil
}

// AddMemberNote adds a moderators' note on a member; the member never sees
// it. POST /colonies/{colony_id}/members/{user_id}/notes.
func (c *Client) AddMemberNote(ctx context.Context, colony, userID, body string, opts ...CallOption) (*MemberNote, error) {
	if err := requireText(epAddMemberNote.goName, "body", body); err != nil {
		return nil, err
	}
	in := struct {
		Body string `json:"body"`
	}{body}
	return memberCall[MemberNote](ctx, c, epAddMemberNote, colony, userID, args{body: in}, opts)
}

// DeleteMemberNote deletes a note on a member.
// DELETE /colonies/{colony_id}/members/{user_id}/notes/{note_id}.
func (c *Client) DeleteMemberNote(ctx context.Context, colony, userID, noteID string, opts ...CallOption) error {
	return memberCallNoResult(ctx, c, epDeleteMemberNote, colony, userID, ids(noteID), opts)
}
