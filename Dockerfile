# postpress in a container: Debian 12 slim, built from this repository in a first stage, run
# by an unprivileged user in a second stage that holds the installed prefix and the runtime
# libraries only (no compiler, no -dev package).
#   docker build -t postpress .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD:/work" postpress build --site . -o out/digest
# The runtime stage's packages are the Debian package's Depends and Recommends (its Depends as
# dpkg-shlibdeps computes them): tests/e2e/debian_package.sh compares the two lists.

FROM debian:12-slim AS build
WORKDIR /src
COPY scripts/install-deps.sh scripts/
RUN bash scripts/install-deps.sh --build-only && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
 && cmake --build /build --target postpress \
 && cmake --install /build --prefix /opt/postpress --strip

FROM debian:12-slim AS runtime
# BEGIN runtime packages (one a line: kept equal to the .deb's Depends and Recommends)
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      fonts-droid-fallback \
      fonts-nanum \
      fonts-noto-cjk \
      fonts-noto-color-emoji \
      fonts-noto-core \
      fonts-symbola \
      hyphen-bn \
      hyphen-de \
      hyphen-el \
      hyphen-en-gb \
      hyphen-en-us \
      hyphen-es \
      hyphen-fr \
      hyphen-hi \
      hyphen-it \
      hyphen-pt-br \
      hyphen-pt-pt \
      hyphen-ru \
      hyphen-ta \
      hyphen-uk \
      icc-profiles-free \
      libc6 \
      libcmark-gfm-extensions0.29.0.gfm.6 \
      libcmark-gfm0.29.0.gfm.6 \
      libcurl4 \
      libdeflate0 \
      libfribidi0 \
      libgcc-s1 \
      libgif7 \
      libgvc6 \
      libharfbuzz-subset0 \
      libharfbuzz0b \
      libhpdf-2.3.0 \
      libhyphen0 \
      libicu72 \
      libkf5syntaxhighlighting5 \
      libmimalloc2.0 \
      libqrencode4 \
      libqt5core5a \
      librsvg2-2 \
      libspng0 \
      libstb0 \
      libstdc++6 \
      libtomlplusplus3 \
      libturbojpeg0 \
      libwebp7 \
      libwebpdemux2 \
      libxdot4 \
      libxxhash0 \
      libyaml-cpp0.7 \
      libzip4 \
 && rm -rf /var/lib/apt/lists/*
# END runtime packages
COPY --from=build /opt/postpress /opt/postpress
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin postpress
USER postpress
WORKDIR /work
ENV PATH=/opt/postpress/bin:$PATH
ENTRYPOINT ["postpress"]
CMD ["--help"]
