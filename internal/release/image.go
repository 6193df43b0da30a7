package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// The container image: no base image (none can be downloaded here, and
// none is needed for a static binary), one layer holding the binary, the
// CA certificates and a non-root user, written as an OCI image layout
// (https://github.com/opencontainers/image-spec/blob/main/image-layout.md)
// that skopeo, crane, podman and containerd import:
//
//	skopeo copy oci:dist/image:v1.2.0 docker://registry.example/bhytdoc:v1.2.0
//	podman run --rm oci:dist/image:v1.2.0 version

// Where things sit in the image.
const (
	imageBin   = "usr/local/bin/bhytdoc"
	imageCerts = "etc/ssl/certs/ca-certificates.crt"
	imageUID   = 65532 // "nonroot", as distroless images number it
)

// caBundle is the host's CA bundle copied into the image.
var caBundle = "/etc/ssl/certs/ca-certificates.crt"

type descriptor struct {
	MediaType   string            `json:"mediaType"`
	Digest      string            `json:"digest"`
	Size        int64             `json:"size"`
	Platform    *platform         `json:"platform,omitempty"`
	Annotations map[string]string `json:"annotations,omitempty"`
}

type platform struct {
	Architecture string `json:"architecture"`
	OS           string `json:"os"`
}

type imageConfig struct {
	Architecture string `json:"architecture"`
	OS           string `json:"os"`
	Created      string `json:"created,omitempty"`
	Config       struct {
		User       string   `json:"User"`
		Entrypoint []string `json:"Entrypoint"`
		Env        []string `json:"Env"`
		WorkingDir string   `json:"WorkingDir"`
	} `json:"config"`
	RootFS struct {
		Type    string   `json:"type"`
		DiffIDs []string `json:"diff_ids"`
	} `json:"rootfs"`
}

type manifest struct {
	SchemaVersion int          `json:"schemaVersion"`
	MediaType     string       `json:"mediaType"`
	Config        descriptor   `json:"config"`
	Layers        []descriptor `json:"layers"`
}

type index struct {
	SchemaVersion int          `json:"schemaVersion"`
	MediaType     string       `json:"mediaType,omitempty"`
	Manifests     []descriptor `json:"manifests"`
}

// writeImage writes the OCI layout dir/image with one image per binary
// (linux only), all tagged version in index.json.
func writeImage(dir, version string, bins map[string]string, epoch time.Time) (string, error) {
	layout := filepath.Join(dir, "image")
	if err := os.MkdirAll(filepath.Join(layout, "blobs", "sha256"), 0o755); err != nil {
		return "", err
	}
	certs, err := os.ReadFile(caBundle)
	if err != nil {
		return "", fmt.Errorf("CA certificates: %w", err)
	}
	idx := index{SchemaVersion: 2, MediaType: "application/vnd.oci.image.index.v1+json"}
	for _, arch := range []string{"amd64", "arm64"} {
		bin, ok := bins["linux/"+arch]
		if !ok {
			continue
		}
		exe, err := os.ReadFile(bin)
		if err != nil {
			return "", err
		}
		tarball, err := layer(exe, certs, epoch)
		if err != nil {
			return "", err
		}
		diffID := sha256.Sum256(tarball)
		var gz bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		zw.Write(tarball)
		if err := zw.Close(); err != nil {
			return "", err
		}
		layerDesc, err := blob(layout, "application/vnd.oci.image.layer.v1.tar+gzip", gz.Bytes())
		if err != nil {
			return "", err
		}
		var cfg imageConfig
		cfg.Architecture, cfg.OS = arch, "linux"
		if !epoch.IsZero() {
			cfg.Created = epoch.UTC().Format(time.RFC3339)
		}
		cfg.Config.User = fmt.Sprintf("%d:%d", imageUID, imageUID)
		cfg.Config.Entrypoint = []string{"/" + imageBin}
		cfg.Config.Env = []string{"SSL_CERT_FILE=/" + imageCerts, "HOME=/home/nonroot"}
		cfg.Config.WorkingDir = "/home/nonroot"
		cfg.RootFS.Type = "layers"
		cfg.RootFS.DiffIDs = []string{fmt.Sprintf("sha256:%x", diffID)}
		cfgDesc, err := jsonBlob(layout, "application/vnd.oci.image.config.v1+json", cfg)
		if err != nil {
			return "", err
		}
		m := manifest{SchemaVersion: 2, MediaType: "application/vnd.oci.image.manifest.v1+json", Config: cfgDesc, Layers: []descriptor{layerDesc}}
		mDesc, err := jsonBlob(layout, m.MediaType, m)
		if err != nil {
			return "", err
		}
		mDesc.Platform = &platform{Architecture: arch, OS: "linux"}
		mDesc.Annotations = map[string]string{"org.opencontainers.image.ref.name": version}
		idx.Manifests = append(idx.Manifests, mDesc)
	}
	if len(idx.Manifests) == 0 {
		return "", nil
	}
	if err := os.WriteFile(filepath.Join(layout, "oci-layout"), []byte(`{"imageLayoutVersion":"1.0.0"}`+"\n"), 0o644); err != nil {
		return "", err
	}
	data, err := json.MarshalIndent(idx, "", "  ")
	if err != nil {
		return "", err
	}
	return layout, os.WriteFile(filepath.Join(layout, "index.json"), append(data, '\n'), 0o644)
}

// layer is the image's one layer, uncompressed: deterministic (fixed
// times, numeric owners, sorted entries).
func layer(exe, certs []byte, epoch time.Time) ([]byte, error) {
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	mod := epoch.UTC()
	if epoch.IsZero() {
		mod = time.Unix(0, 0).UTC()
	}
	dir := func(name string, mode int64, uid int) error {
		return tw.WriteHeader(&tar.Header{Typeflag: tar.TypeDir, Name: name + "/", Mode: mode, Uid: uid, Gid: uid, ModTime: mod, Format: tar.FormatPAX})
	}
	file := func(name string, mode int64, data []byte) error {
		if err := tw.WriteHeader(&tar.Header{Typeflag: tar.TypeReg, Name: name, Mode: mode, Size: int64(len(data)), ModTime: mod, Format: tar.FormatPAX}); err != nil {
			return err
		}
		_, err := tw.Write(data)
		return err
	}
	passwd := fmt.Sprintf("root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:%d:%d:nonroot:/home/nonroot:/sbin/nologin\n", imageUID, imageUID)
	group := fmt.Sprintf("root:x:0:\nnonroot:x:%d:\n", imageUID)
	steps := []func() error{
		func() error { return dir("etc", 0o755, 0) },
		func() error { return file("etc/group", 0o644, []byte(group)) },
		func() error { return file("etc/passwd", 0o644, []byte(passwd)) },
		func() error { return dir("etc/ssl", 0o755, 0) },
		func() error { return dir("etc/ssl/certs", 0o755, 0) },
		func() error { return file(imageCerts, 0o644, certs) },
		func() error { return dir("home", 0o755, 0) },
		func() error { return dir("home/nonroot", 0o700, imageUID) },
		func() error { return dir("tmp", 0o1777, 0) },
		func() error { return dir("usr", 0o755, 0) },
		func() error { return dir("usr/local", 0o755, 0) },
		func() error { return dir("usr/local/bin", 0o755, 0) },
		func() error { return file(imageBin, 0o755, exe) },
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return nil, err
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func blob(layout, mediaType string, data []byte) (descriptor, error) {
	sum := fmt.Sprintf("%x", sha256.Sum256(data))
	if err := os.WriteFile(filepath.Join(layout, "blobs", "sha256", sum), data, 0o644); err != nil {
		return descriptor{}, err
	}
	return descriptor{MediaType: mediaType, Digest: "sha256:" + sum, Size: int64(len(data))}, nil
}

func jsonBlob(layout, mediaType string, v any) (descriptor, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return descriptor{}, err
	}
	return blob(layout, mediaType, data)
}
