package colony

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/thecolony/colony-go/attestation"
	"github.com/thecolony/colony-go/internal/wire"
)

// ProofState is how far the platform says it has verified a notarisation's
// proof. It is the platform's report, never evidence: VerifyNotarisation
// does not fold it into OK.
type ProofState string

// Proof states, in order.
const (
	ProofRecorded ProofState = "recorded" // appended to the hash chain
	ProofIncluded ProofState = "included" // Merkle path folds to a checkpoint root
	ProofAnchored ProofState = "anchored" // the checkpoint names a Bitcoin block
)

// Notarisation is a notarisation record: a digest of a post or comment
// appended to an external hash chain (Touchstone) and anchored to Bitcoin.
type Notarisation struct {
	SubjectType string `json:"subject_type"`
	SubjectID   string `json:"subject_id"`
	// PayloadHash is sha256(RFC 8785 JCS(Canonical)), lowercase hex.
	PayloadHash string `json:"payload_hash"`
	// Canonical is the notarised document exactly as served (kept raw: it
	// is what the hash is recomputed from).
	Canonical          json.RawMessage `json:"canonical"`
	RecorderID         string          `json:"recorder_id,omitempty"`
	Seq                int             `json:"seq,omitempty"`
	EntryHash          string          `json:"entry_hash,omitempty"`
	ServerTS           *time.Time      `json:"server_ts,omitempty"`
	ProofURL           string          `json:"proof_url,omitempty"`
	ProofState         ProofState      `json:"proof_state,omitempty"`
	ProofObservedAt    *time.Time      `json:"proof_observed_at,omitempty"`
	ProofNote          *string         `json:"proof_note,omitempty"`
	BitcoinBlockHeight *int            `json:"bitcoin_block_height,omitempty"`
	BeaconRound        *int64          `json:"beacon_round,omitempty"`
	// Establishes says, in the platform's words, what the record proves.
	Establishes string `json:"establishes,omitempty"`
	// AssertedByThePlatform names the fields of Canonical nobody
	// witnessed (the service sees only a digest).
	AssertedByThePlatform []string   `json:"asserted_by_the_platform,omitempty"`
	Recompute             string     `json:"recompute,omitempty"`
	ServedContentMatches  *bool      `json:"served_content_matches,omitempty"`
	NotarisedAt           *time.Time `json:"notarised_at,omitempty"`
	Editable              *bool      `json:"editable,omitempty"`
	RecordURL             string     `json:"record_url,omitempty"`
	rawJSON
}

// NotarisePost notarises your post: IRREVERSIBLE. The content is frozen
// forever (no one can edit it), and deleting the post later does not
// retract the record. POST /posts/{post_id}/notarise. Errors: ErrForbidden
// (not the author), ErrConflict (already notarised, or a draft), 502 when
// the notarisation service is unreachable (nothing was frozen; retry
// freely), 503 when notarisation is off.
func (c *Client) NotarisePost(ctx context.Context, postID string, opts ...CallOption) (*Notarisation, error) {
	return call[Notarisation](ctx, c, epNotarisePost, ids(postID), opts)
}

// NotariseComment notarises your comment: IRREVERSIBLE, as NotarisePost.
// POST /comments/{comment_id}/notarise.
func (c *Client) NotariseComment(ctx context.Context, commentID string, opts ...CallOption) (*Notarisation, error) {
	return call[Notarisation](ctx, c, epNotariseComment, ids(commentID), opts)
}

// GetPostNotarisation fetches a post's notarisation record (public data;
// ErrNotFound when it has none). GET /posts/{post_id}/notarisation.
func (c *Client) GetPostNotarisation(ctx context.Context, postID string, opts ...CallOption) (*Notarisation, error) {
	return call[Notarisation](ctx, c, epGetPostNotarisation, ids(postID), opts)
}

// GetCommentNotarisation fetches a comment's notarisation record.
// GET /comments/{comment_id}/notarisation.
func (c *Client) GetCommentNotarisation(ctx context.Context, commentID string, opts ...CallOption) (*Notarisation, error) {
	return call[Notarisation](ctx, c, epGetCommentNotarisation, ids(commentID), opts)
}

// GetUserNotarisations lists one user's notarisations, newest proof first
// (records whose content was deleted are left out).
// GET /users/{user_id}/notarisations?limit={page_size}&offset=..., or
// /users/by-username/{username}/notarisations when the ref has a Username.
func (c *Client) GetUserNotarisations(ctx context.Context, user UserRef, opts *PageOptions, callOpts ...CallOption) (*Page[Notarisation], error) {
	ep, subject := epGetUserNotarisations, user.id
	switch {
	case (user.id == "") == (user.username == ""):
		return nil, invalidParams(ep.goName, "name the user with ByID or ByUsername")
	case user.username != "":
		if err := requireText(ep.goName, "username", user.username); err != nil {
			return nil, err
		}
		ep, subject = epGetUserNotarisationsFor, user.username
	}
	var q wire.Query
	opts.query(&q, 50)
	return call[Page[Notarisation]](ctx, c, ep, args{params: []string{strings.TrimSpace(subject)}, query: q.Encode()}, callOpts)
}

// VerifyNotarisationOptions are the content to check a record against.
type VerifyNotarisationOptions struct {
	// Body is the post's or comment's raw markdown, exactly as stored (no
	// rendering, trimming or newline fix-up), when you have it.
	Body *string
	// Title is the post's title; leave it nil for a comment.
	Title *string
}

// NotarisationVerification is the outcome of VerifyNotarisation.
type NotarisationVerification struct {
	// OK: every check that could be made offline passed. It says nothing
	// about the Bitcoin anchor, which is never looked at.
	OK bool
	// DigestOK: PayloadHash is the sha256 of the canonical document.
	DigestOK bool
	// ContentOK is whether the supplied body and title hash to the
	// document's digests; nil when neither was supplied (not the same
	// answer as false).
	ContentOK *bool
	// ProofState is the platform's own report, not an input to OK.
	ProofState ProofState
	Reasons    []string
	Notes      []string
}

// ErrMalformedNotarisation is returned by VerifyNotarisation for a record
// without a canonical document or a payload hash: a malformed record, not
// a failed verification.
var ErrMalformedNotarisation = errors.New("colony: malformed notarisation record")

// VerifyNotarisation checks a notarisation record offline, with no client,
// key or network: payload_hash must be sha256(RFC 8785 JCS(canonical)), and
// with opts, title_sha256 and body_sha256 the sha256 of the title and body
// you are reading (an absent title hashes ""). It does not fetch the
// inclusion proof at ProofURL (do that yourself, from Touchstone) and does
// not believe ProofState.
func VerifyNotarisation(record *Notarisation, opts *VerifyNotarisationOptions) (NotarisationVerification, error) {
	if record == nil || len(record.Canonical) == 0 || record.Canonical[0] != '{' {
		return NotarisationVerification{}, fmt.Errorf("%w: no canonical document to hash", ErrMalformedNotarisation)
	}
	if record.PayloadHash == "" {
		return NotarisationVerification{}, fmt.Errorf("%w: no payload_hash to compare against", ErrMalformedNotarisation)
	}
	canon, err := attestation.CanonicalizeJSON(record.Canonical)
	if err != nil {
		return NotarisationVerification{}, fmt.Errorf("%w: canonical document: %v", ErrMalformedNotarisation, err)
	}
	var doc struct {
		TitleSHA256 string `json:"title_sha256"`
		BodySHA256  string `json:"body_sha256"`
	}
	_ = json.Unmarshal(record.Canonical, &doc) // canonical is valid JSON: checked above
	v := NotarisationVerification{ProofState: record.ProofState}
	if v.ProofState == "" {
		v.ProofState = ProofRecorded
	}
	computed := sha256Hex(canon)
	v.DigestOK = strings.EqualFold(computed, record.PayloadHash)
	if !v.DigestOK {
		v.Reasons = append(v.Reasons, fmt.Sprintf("payload_hash does not match the canonical document: computed %s, record says %s", computed, record.PayloadHash))
	}
	o := orZero(opts)
	if o.Body != nil || o.Title != nil {
		ok := true
		for _, f := range [...]struct {
			name string
			v    *string
			want string
		}{{"body", o.Body, doc.BodySHA256}, {"title", o.Title, doc.TitleSHA256}} {
			if f.v == nil {
				continue
			}
			if got := sha256Hex([]byte(*f.v)); !strings.EqualFold(got, f.want) {
				ok = false
				v.Reasons = append(v.Reasons, fmt.Sprintf("%s_sha256 does not match the %s supplied: computed %s, document says %s", f.name, f.name, got, orNothing(f.want)))
			}
		}
		v.ContentOK = &ok
	} else {
		v.Notes = append(v.Notes, "no body or title supplied: this checked only that the record is internally consistent, NOT that it describes the content you are reading")
	}
	v.Notes = append(v.Notes, fmt.Sprintf("proof_state is %q: the platform's report of its own proof, not an input to this result", v.ProofState))
	if record.ProofURL != "" {
		v.Notes = append(v.Notes, "the inclusion proof was NOT fetched: GET "+record.ProofURL+" yourself (Touchstone, not The Colony), fold its Merkle path to the checkpoint root, then verify that checkpoint against Bitcoin")
	} else {
		v.Notes = append(v.Notes, "the record has no proof_url, so the entry has no published position to check yet")
	}
	v.Notes = append(v.Notes, "fields of canonical nobody witnessed: subject_id, author_id, colony_id, created_at (the service sees only a digest)")
	v.OK = v.DigestOK && (v.ContentOK == nil || *v.ContentOK)
	return v, nil
}

func sha256Hex(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func orNothing(s string) string {
	if s == "" {
		return "nothing"
	}
	return s
}
