package colony

import (
	"context"

	"github.com/thecolony/colony-go/attestation"
)

// AttestPost fetches a post and mints a signed attestation envelope that
// the signer published it (attestation.BuildPostAttestation): the body's
// sha256 as content_hash, a platform_receipt pointing at the post's API
// URL as evidence. GET /posts/{post_id}; the signing is local. opts
// (nil for defaults) adjust the envelope; the API root of the receipt
// defaults to the client's base URL.
func (c *Client) AttestPost(ctx context.Context, postID string, signer *attestation.Ed25519Signer, opts *attestation.PostAttestationOptions, callOpts ...CallOption) (*attestation.Envelope, error) {
	if signer == nil {
		return nil, invalidParams("AttestPost", "a signer is required")
	}
	o := orZero(opts)
	if o.APIBaseURL == "" {
		o.APIBaseURL = c.baseURL
	}
	fetch := func(ctx context.Context, id string) (attestation.PostContent, error) {
		p, err := call[Post](ctx, c, epAttestPost, ids(id), callOpts)
		if err != nil {
			return attestation.PostContent{}, err
		}
		return attestation.PostContent{Body: p.Body, CreatedAt: p.CreatedAt}, nil
	}
	return attestation.AttestPost(ctx, fetch, postID, signer, &o)
}
