using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MarketSim.Simulator.Scenarios;
using MarketSim.Simulator.Workbench.Library;
using MarketSim.Tests.Support;

namespace MarketSim.Tests.Workbench;

/// <summary>What the workbench refuses: paths out of its folder, oversized or invalid uploads, forms without their antiforgery token, and unescaped scenario text.</summary>
public sealed class WorkbenchSafetyTests(Support.Workbench workbench) : IClassFixture<Support.Workbench>
{
    private const string ExperimentId = "20261130-000000-hand-made";
    private const string TamperedId = "20261130-000000-tampered";

    [Theory]
    [InlineData("/experiments/" + ExperimentId + "/files/..%2Fscenarios%2Fsecret.yaml")]
    [InlineData("/experiments/" + ExperimentId + "/files/../../secret.txt")]
    [InlineData("/experiments/" + ExperimentId + "/files/%2Fetc%2Fpasswd")]
    [InlineData("/experiments/" + ExperimentId + "/files//etc/passwd")]
    [InlineData("/experiments/" + ExperimentId + "/files/not-listed.txt")]
    [InlineData("/experiments/..%2F..%2F/files/passwd")]
    [InlineData("/experiments/%2Fetc/files/passwd")]
    [InlineData("/scenarios/bundled/..%2F..%2FMarketSim.sln")]
    [InlineData("/scenarios/bundled/%2Fetc%2Fpasswd")]
    [InlineData("/scenarios/mine/..%2F" + ExperimentId + "%2Fnot-listed.txt")]
    [InlineData("/scenarios/..%2F..%2Fscenarios/doncaster-ccash.yaml")]
    [InlineData("/levers/bundled/..%2F..%2FMarketSim.sln")]
    [InlineData("/levers/mine/%2Fetc%2Fpasswd")]
    public async Task A_path_out_of_the_experiments_or_scenarios_folder_is_refused(string path)
    {
        HandMadeExperiment();
        File.WriteAllText(Path.Combine(workbench.Folder, "secret.txt"), "SECRET-OUTSIDE");

        var response = await workbench.Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("SECRET", body, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Microsoft Visual Studio Solution File", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_the_manifest_lists_is_served()
    {
        HandMadeExperiment();

        var response = await workbench.Client.GetAsync($"/experiments/{ExperimentId}/files/runs.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("run,unmet_hours_total\n0,1\n", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("../../secret.txt")]
    [InlineData("ABSOLUTE")]
    [InlineData("link.txt")]
    [InlineData("linked/secret.txt")]
    public async Task A_tampered_manifest_entry_out_of_the_results_folder_or_through_a_link_gets_a_404(string entry)
    {
        var outside = TamperedExperiment();
        var file = entry == "ABSOLUTE" ? outside : entry;

        foreach (var path in new[] { file, Uri.EscapeDataString(file) })
        {
            var response = await workbench.Client.GetAsync($"/experiments/{TamperedId}/files/{path}");

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("SECRET", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_zip_of_a_tampered_results_folder_holds_only_its_own_regular_files()
    {
        TamperedExperiment();

        var response = await workbench.Client.GetAsync($"/experiments/{TamperedId}/download.zip");
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(), ZipArchiveMode.Read);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([$"{TamperedId}/manifest.json", $"{TamperedId}/runs.csv"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        Assert.Equal("run,unmet_hours_total\n0,1\n", new StreamReader(zip.GetEntry($"{TamperedId}/runs.csv")!.Open()).ReadToEnd());
    }

    [Fact]
    public async Task The_results_page_lists_no_tampered_manifest_entry()
    {
        var outside = TamperedExperiment();

        var page = await workbench.Client.GetStringAsync($"/experiments/{TamperedId}");

        Assert.Contains("runs.csv", page, StringComparison.Ordinal);
        foreach (var entry in new[] { "secret.txt", outside, "link.txt" })
        {
            Assert.DoesNotContain(entry, page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_upload_larger_than_the_limit_is_refused_and_nothing_is_saved()
    {
        var before = ScenarioFiles();
        var big = "name: big\n" + new string('#', 300 * 1024);

        var response = await Upload("big.yaml", big);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("at most 256 KB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, ScenarioFiles());
    }

    [Fact]
    public async Task A_request_body_far_over_the_limit_is_cut_off()
    {
        var before = ScenarioFiles();

        // Expect: 100-continue, so the server's refusal arrives before the 4 MB are sent; without it the
        // server could close the connection while the client still writes, and the client sees a broken pipe.
        var response = await Upload("huge.yaml", new string('#', 4 * 1024 * 1024), expectContinue: true);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, ScenarioFiles());
    }

    [Fact]
    public async Task An_empty_file_uploaded_is_called_empty_not_missing()
    {
        var before = ScenarioFiles();

        var response = await Upload("blank.yaml", "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("blank.yaml is empty; allowed: a scenario file (YAML) with its fields.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, ScenarioFiles());
    }

    [Fact]
    public async Task An_upload_refused_marks_the_file_field_invalid_and_described_by_its_message()
    {
        var yaml = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml")).Replace("horizon_years:", "horizon_yeers:", StringComparison.Ordinal);

        var empty = await (await Upload("blank.yaml", "")).Content.ReadAsStringAsync();
        var invalid = await (await Upload("typo.yaml", yaml)).Content.ReadAsStringAsync();
        var fresh = await workbench.Client.GetStringAsync("/scenarios");

        const string Marked = "<input id=\"file\" type=\"file\" name=\"file\" accept=\".yaml,.yml\" required aria-invalid=\"true\" aria-describedby=\"file-problem\">";
        Assert.Contains(Marked, empty, StringComparison.Ordinal);
        Assert.Contains("<div id=\"file-problem\"><p class=\"error\">blank.yaml is empty;", empty, StringComparison.Ordinal);
        Assert.Contains(Marked, invalid, StringComparison.Ordinal);
        Assert.Contains("<div id=\"file-problem\"><div class=\"warning\"><p>typo.yaml was not saved: the validator found these problems.</p>", invalid, StringComparison.Ordinal);
        Assert.Contains("<input id=\"file\" type=\"file\" name=\"file\" accept=\".yaml,.yml\" required>", fresh, StringComparison.Ordinal);
        Assert.DoesNotContain("file-problem", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_or_a_variant_the_scenarios_folder_cannot_take_is_refused_naming_it_and_why_not_the_servers_path()
    {
        // A file where the user's scenarios folder should be: as root, a folder made read-only would still be written.
        var mine = Path.Combine(workbench.Experiments, ExperimentsFolder.ScenariosName);
        var moved = mine + "-moved";
        const string Form = "/levers/bundled/doncaster-ccash.yaml";
        Directory.Move(mine, moved);
        File.WriteAllText(mine, "not a folder");
        try
        {
            using var upload = await Upload("kept.yaml", File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml")));
            var uploadPage = await upload.Content.ReadAsStringAsync();
            using var variant = await workbench.Post(Form, Form, ("variant-name", "Higher rate"), ("providers.slp_a.rate_gbp_per_hour", "15.50"));
            var variantPage = await variant.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.InternalServerError, upload.StatusCode);
            var problem = uploadPage[uploadPage.IndexOf("<div id=\"file-problem\">", StringComparison.Ordinal)..];
            problem = problem[..problem.IndexOf("</div>", StringComparison.Ordinal)];
            Assert.Equal("<div id=\"file-problem\"><p class=\"error\">kept.yaml was not saved: the workbench could not write it among your scenarios (a folder is missing or is not a folder); the server&#39;s log has the full message.</p>", problem);
            Assert.Contains("required aria-invalid=\"true\" aria-describedby=\"file-problem\">", uploadPage, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.InternalServerError, variant.StatusCode);
            Assert.Contains("<div class=\"warning\" id=\"problems\">Variant &#39;Higher rate&#39; was not saved: the workbench could not write it among your scenarios (a folder is missing or is not a folder); the server&#39;s log has the full message.</div>", variantPage, StringComparison.Ordinal);
            Assert.DoesNotContain(workbench.Folder, variantPage, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(mine);
            Directory.Move(moved, mine);
        }
    }

    [Fact]
    public async Task An_upload_the_validator_rejects_gets_its_messages_and_is_not_saved()
    {
        var before = ScenarioFiles();
        var yaml = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml")).Replace("horizon_years:", "horizon_yeers:", StringComparison.Ordinal);

        var response = await Upload("typo.yaml", yaml);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("horizon_yeers", page, StringComparison.Ordinal);
        Assert.Contains("typo.yaml was not saved", page, StringComparison.Ordinal);
        Assert.DoesNotContain(".upload-", page, StringComparison.Ordinal);
        Assert.Equal(before, ScenarioFiles());
    }

    [Fact]
    public async Task A_variant_of_a_bundled_scenario_uploaded_is_checked_against_it_and_saved_with_it_beside()
    {
        var mine = Path.Combine(workbench.Experiments, "scenarios");
        var variant = File.ReadAllText(Repo.Scenario("doncaster-lead-exit.yaml")).Replace("week: 26", "week: 30", StringComparison.Ordinal);
        var broken = variant.Replace("week: 30", "week: -3", StringComparison.Ordinal);
        var before = ScenarioFiles();

        var refused = await Upload("late-exit.yaml", broken);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var afterRefusal = ScenarioFiles();
        var saved = await Upload("late-exit.yaml", variant);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("late-exit.yaml was not saved", refusedPage, StringComparison.Ordinal);
        Assert.Contains("shocks[0].week", refusedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("doncaster-ccash.yaml", refusedPage.Split("was not saved")[1].Split("</ul>")[0], StringComparison.Ordinal);
        Assert.DoesNotContain(".upload-", refusedPage, StringComparison.Ordinal);
        Assert.Equal(before, afterRefusal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(File.ReadAllBytes(Repo.Scenario("doncaster-ccash.yaml")), File.ReadAllBytes(Path.Combine(mine, "doncaster-ccash.yaml")));
        var uploaded = Path.Combine(mine, Path.GetFileName(Uri.UnescapeDataString(saved.Headers.Location!.OriginalString)));
        Assert.Equal(variant, File.ReadAllText(uploaded));
        Assert.Empty(ScenarioLoader.TryLoad(uploaded).Problems);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(workbench.Experiments, ExperimentsFolder.ScratchName)));
    }

    [Fact]
    public async Task A_file_that_is_not_yaml_is_parsed_only_as_a_scenario_and_refused()
    {
        var before = ScenarioFiles();

        var response = await Upload("picture.yaml", "\u0089PNG\r\n\u001a\n binary: [");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, ScenarioFiles());
    }

    [Fact]
    public void A_scenario_file_nested_too_deep_is_listed_with_its_problem_without_overflowing_the_stack()
    {
        var file = Path.Combine(Repo.TempDir(), "deep.yaml");
        File.WriteAllText(file, "name: " + new string('[', 100_000) + new string(']', 100_000));

        var listed = MarketSim.Simulator.Workbench.Library.ScenarioFile.Read(MarketSim.Simulator.Workbench.Library.ScenarioFile.Mine, file);

        Assert.Contains("nested more than 64 levels deep", listed.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scenario_text_is_shown_escaped_never_as_markup()
    {
        var yaml = File.ReadAllText(Repo.Scenario("dorset-pool-2017.yaml"))
            .Replace("name: Dorset pooled budget 2017-19", "name: \"<script>alert('name')</script> Dorset\"", StringComparison.Ordinal)
            .Replace("description: >", "description: >\n  <img src=x onerror=alert(1)>", StringComparison.Ordinal);

        var response = await Upload("../../../escaped.yaml", yaml);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var page = await workbench.Client.GetStringAsync(location);
        var list = await workbench.Client.GetStringAsync("/scenarios");

        Assert.Equal("/scenarios/mine/escaped.yaml", location);
        Assert.True(File.Exists(Path.Combine(workbench.Experiments, "scenarios", "escaped.yaml")));
        foreach (var html in new[] { page, list })
        {
            Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var content = new FormUrlEncodedContent([new("scenario", "bundled/doncaster-ccash.yaml"), new("runs", "10"), new("seed", "1")]);

        var response = await workbench.Client.PostAsync("/run", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(Directory.EnumerateDirectories(workbench.Experiments), d => Path.GetFileName(d).Contains("doncaster", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_forbid_framing_and_scripts_from_elsewhere()
    {
        var response = await workbench.Client.GetAsync("/scenarios");

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Bad_run_settings_get_a_message_beside_each_field_and_start_nothing()
    {
        var response = await workbench.Post("/run", "/run", ("scenario", "bundled/doncaster-ccash.yaml"), ("runs", "1"), ("seed", "-4"), ("metric", "unmet_hours_totl"), ("halfwidth", "abc"));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("id=\"runs-problem\">&#39;1&#39; is not allowed; allowed: a whole number from 2 to 1,000,000 (a standard error needs two runs)", page, StringComparison.Ordinal);
        Assert.Contains("id=\"seed-problem\">&#39;-4&#39; is not allowed; allowed: a whole number from 0 to 18,446,744,073,709,551,615 (2^64 − 1)", page, StringComparison.Ordinal);
        Assert.Contains("id=\"halfwidth-problem\">&#39;abc&#39; is not allowed; allowed: a number &gt; 0", page, StringComparison.Ordinal);
        Assert.Contains("did you mean &#39;unmet_hours_total&#39;", page, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Upload(string fileName, string text, bool expectContinue = false)
    {
        var (token, _) = await workbench.Form("/scenarios");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/x-yaml");
        content.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/scenarios/upload") { Content = content };
        request.Headers.ExpectContinue = expectContinue;
        return await workbench.Client.SendAsync(request);
    }

    private string[] ScenarioFiles() => [.. Directory.EnumerateFileSystemEntries(Path.Combine(workbench.Experiments, "scenarios")).Order(StringComparer.Ordinal)];

    /// <summary>
    /// A results folder whose manifest was changed by hand to list files outside it: a parent-folder path, an absolute
    /// path, a link to a file outside and a file in a linked folder. Returns the absolute path of the secret outside.
    /// </summary>
    private string TamperedExperiment()
    {
        var secret = Path.Combine(workbench.Folder, "secret.txt");
        File.WriteAllText(secret, "SECRET-OUTSIDE");
        var folder = Path.Combine(workbench.Experiments, TamperedId);
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "runs.csv"), "run,unmet_hours_total\n0,1\n");
            File.CreateSymbolicLink(Path.Combine(folder, "link.txt"), secret);
            Directory.CreateSymbolicLink(Path.Combine(folder, "linked"), workbench.Folder);
            var files = string.Join(", ", new[] { "manifest.json", "runs.csv", "../../secret.txt", secret, "link.txt", "linked/secret.txt" }.Select(f => $"\"{f}\""));
            File.WriteAllText(Path.Combine(folder, "manifest.json"), $$"""{ "written_by": "marketsim", "seed": 1, "runs": 1, "files": [{{files}}] }""");
        }
        return secret;
    }

    /// <summary>A results folder written by hand: a manifest listing runs.csv and itself, and a file it does not list.</summary>
    private void HandMadeExperiment()
    {
        var folder = Path.Combine(workbench.Experiments, ExperimentId);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "runs.csv"), "run,unmet_hours_total\n0,1\n");
        File.WriteAllText(Path.Combine(folder, "not-listed.txt"), "SECRET-NOT-LISTED");
        File.WriteAllText(Path.Combine(folder, "manifest.json"), """{ "written_by": "marketsim", "seed": 1, "runs": 1, "files": ["manifest.json", "runs.csv"] }""");
    }
}
