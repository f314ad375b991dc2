namespace QuizPlatform.Web.Features.SecurityHeaders;

/// <summary>
/// Downloads that hold students' answers or an assignment's model answers: <c>Cache-Control: no-store</c>, so no
/// browser, proxy or shared computer keeps a copy after the download.
/// </summary>
public static class NoStore
{
    public static TBuilder WithNoStore<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.CacheControl = "no-store";
            return await next(context);
        });
}
