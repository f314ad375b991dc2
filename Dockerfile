# The web app for docker-compose.yml. Build: docker compose build (or docker build -t quizplatform .)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the project files alone, so code edits do not invalidate the package layer.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/QuizPlatform.Importing/QuizPlatform.Importing.csproj src/QuizPlatform.Importing/
COPY src/QuizPlatform.Grading/QuizPlatform.Grading.csproj src/QuizPlatform.Grading/
COPY src/QuizPlatform.Grading.Meaning/QuizPlatform.Grading.Meaning.csproj src/QuizPlatform.Grading.Meaning/
COPY src/QuizPlatform.Data/QuizPlatform.Data.csproj src/QuizPlatform.Data/
COPY src/QuizPlatform.Migrations.Postgres/QuizPlatform.Migrations.Postgres.csproj src/QuizPlatform.Migrations.Postgres/
COPY src/QuizPlatform.Migrations.Sqlite/QuizPlatform.Migrations.Sqlite.csproj src/QuizPlatform.Migrations.Sqlite/
COPY src/QuizPlatform.Web/QuizPlatform.Web.csproj src/QuizPlatform.Web/
RUN dotnet restore src/QuizPlatform.Web/QuizPlatform.Web.csproj
COPY src/ src/
RUN dotnet publish src/QuizPlatform.Web/QuizPlatform.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# curl for the container health check; the runtime image has no HTTP client.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY seeds/ ./seeds/
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Seeding__Directory=/app/seeds
EXPOSE 8080
USER $APP_UID
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=5 \
    CMD curl -fsS http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "QuizPlatform.Web.dll"]
