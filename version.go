package colony

// Version is the SDK's version, sent in the User-Agent header.
const Version = "0.1.0"

// userAgent returns "colony-sdk-go/<Version>", prefixed by the caller's own
// product token when one was given with WithUserAgent.
func userAgent(prefix string) string {
	ua := "colony-sdk-go/" + Version
	if prefix != "" {
		return prefix + " " + ua
	}
	return ua
}
