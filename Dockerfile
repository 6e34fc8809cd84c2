# pressroom: build, index the sample archive at build time, serve as a non-root user.
# The same scripts/install-deps.sh that the Quick start uses brings the packages.

FROM debian:bookworm AS build
WORKDIR /src
COPY scripts/install-deps.sh scripts/install-deps.sh
RUN scripts/install-deps.sh && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPRESSROOM_TESTS=OFF \
 && cmake --build build -j"$(nproc)" --target pressroom-index pressroom-server \
 && build/pressroom-index --db /srv/pressroom/db corpus/

FROM debian:bookworm AS runtime
COPY scripts/install-deps.sh /tmp/install-deps.sh
# The runtime needs the shared libraries; the -dev packages bring them with the
# same names the build used, which keeps one package list for every image.
RUN /tmp/install-deps.sh && rm -rf /var/lib/apt/lists/* /tmp/install-deps.sh \
 && useradd --system --home /srv/pressroom --shell /usr/sbin/nologin pressroom
COPY --from=build /src/build/pressroom-index /src/build/pressroom-server /usr/local/bin/
COPY --from=build /src/web /srv/pressroom/web
COPY --from=build --chown=pressroom:pressroom /srv/pressroom/db /srv/pressroom/db
USER pressroom
EXPOSE 8080
ENTRYPOINT ["pressroom-server", "--db", "/srv/pressroom/db", "--bind", "0.0.0.0", "--port", "8080"]
