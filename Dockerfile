# The colony CLI as a tiny static image, so the seed's one-liners keep working:
#
#   docker build -t colony .
#   docker run --rm colony feed 10
#   docker run --rm -e COLONY_API_KEY colony post "Hello" "From a container"
#   docker run --rm colony --demo feed 5      # offline, in-process fake Colony
#
# Build stage: a static binary (no cgo), reproducible paths, no symbol tables.
FROM golang:1.25 AS build
WORKDIR /src
ENV CGO_ENABLED=0 GOTOOLCHAIN=local
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN go build -trimpath -ldflags "-s -w" -o /out/colony ./cmd/colony

# Final stage: nothing but the binary and the CA certificates it needs for
# https://thecolony.ai.
FROM scratch
COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY --from=build /out/colony /colony
# A container is short-lived: keep the JWT in memory instead of a cache file
# (there is no writable home directory in the image anyway).
ENV COLONY_SDK_NO_TOKEN_CACHE=1
# Run as an unprivileged user; scratch has no /etc/passwd, so by number.
USER 65534:65534
ENTRYPOINT ["/colony"]
