using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using QuizPlatform.Web.Features.Users;

namespace QuizPlatform.Web.Tests.Features.Users;

/// <summary>What an admin reads under the roles while creating or editing a user.</summary>
public sealed class UserFieldsTests : BunitContext
{
    const string AlsoAStudent = "Also a student";

    [Fact]
    public void TickingInstructorWithStudentLeftTickedSaysTheAccountIsAlsoAStudent()
    {
        var input = new UserFields.Model { Email = "ada@school.example", DisplayName = "Ada" };
        var fields = Render<UserFields>(p => p.Add(c => c.Input, input).AddCascadingValue(new EditContext(input)));
        Assert.DoesNotContain(AlsoAStudent, fields.Markup); // a new user's form: Student alone

        fields.Find("#role-instructor").Change(true);
        Assert.Contains(AlsoAStudent, fields.Find("[role=note]").TextContent);

        fields.Find("#role-student").Change(false);
        Assert.Empty(fields.FindAll("[role=note]"));
    }
}
