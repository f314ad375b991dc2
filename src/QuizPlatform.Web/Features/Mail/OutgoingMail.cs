namespace QuizPlatform.Web.Features.Mail;

/// <summary>One message to one person, in plain text and in simple HTML saying the same.</summary>
public sealed record OutgoingMail(string To, string Subject, string Text, string Html);

/// <summary>A message that was not sent, and what the server or network said.</summary>
public sealed record MailFailure(OutgoingMail Mail, string Reason);
