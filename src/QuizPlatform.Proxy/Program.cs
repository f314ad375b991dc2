namespace QuizPlatform.Proxy;

// A class of its own namespace, not top-level statements: the test project hosts this proxy next to the web app,
// whose public global Program it would otherwise collide with.
public static class Program
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddQuizProxy();

        var app = builder.Build();
        app.MapQuizProxy();
        app.Run();
    }
}
