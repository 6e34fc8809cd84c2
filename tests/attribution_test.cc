// Specification of common/attribution.h: quoted statements and who said
// them, the people who speak for a release without quotation marks, and the
// press-office contacts who are not spokespeople.
#include "common/attribution.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace pressroom {
namespace {

using Names = std::vector<std::string>;

const NameNormalizer& names() {
  static const NameNormalizer n = [] {
    NameNormalizer out;
    out.add("Daniel Okafor", {"Dan Okafor"});
    out.add("Samuel Ortiz", {"Sam Ortiz"});
    out.add("Elena Vásquez", {});
    return out;
  }();
  return n;
}

Attribution read(const std::string& body, const std::string& title = "Title") {
  return attribute_quotes(title, body, names());
}

std::string describe(const Attribution& a) {
  std::string out;
  for (const Quote& q : a.quotes) out += "\n  [" + q.speaker + " | " + q.role + " | " + q.organisation + "] " + q.text;
  out += "\n  spokespeople:";
  for (const auto& s : a.spokespeople) out += " " + s + ";";
  out += "\n  contacts:";
  for (const auto& c : a.contacts) out += " " + c + ";";
  return out;
}

// One quote by `speaker` whose text starts with `start`.
void expect_one_quote(const std::string& body, const std::string& speaker, const std::string& start) {
  Attribution a = read(body);
  ASSERT_EQ(a.quotes.size(), 1u) << body << describe(a);
  EXPECT_EQ(a.quotes[0].speaker, speaker) << body << describe(a);
  EXPECT_EQ(a.quotes[0].text.rfind(start, 0), 0u) << body << describe(a);
}

// ---------------------------------------------------------------- attributions next to the quote

TEST(MetadataAttribution, SaidNameAfterTheQuote) {
  expect_one_quote("“The first hours after an arrest matter,” said Samuel Ortiz, Community Organizer at Puentes.",
                   "Samuel Ortiz", "The first hours");
}

TEST(MetadataAttribution, NameSaidAfterTheQuote) {
  expect_one_quote("“Border Patrol should not investigate itself,” Tomás Herrera said.", "Tomás Herrera",
                   "Border Patrol");
}

TEST(MetadataAttribution, NameRoleSaidColonBeforeTheQuote) {
  expect_one_quote("Jonah Feld, Research Director at Puentes, said: “The numbers are consistent across sites.”",
                   "Jonah Feld", "The numbers");
}

TEST(MetadataAttribution, AccordingToName) {
  expect_one_quote("“The gap is not a small statistical effect,” according to Jonah Feld, who led the study.",
                   "Jonah Feld", "The gap");
}

TEST(MetadataAttribution, SpanishVerbsAfterTheQuote) {
  for (const std::string verb : {"dijo", "afirmó", "declaró", "señaló"})
    expect_one_quote("“Nadie debería arriesgar la vida para cosechar melones”, " + verb +
                         " Maribel Soto, coordinadora de derechos laborales de Puentes.",
                     "Maribel Soto", "Nadie");
}

TEST(MetadataAttribution, NameSpanishVerbColonBeforeTheQuote) {
  expect_one_quote("Lucía Fernández afirmó: “El debido proceso empieza por entender lo que pasa.”", "Lucía Fernández",
                   "El debido");
}

TEST(MetadataAttribution, GuillemetsAreQuotationMarks) {
  expect_one_quote("«Ninguna persona debería morir bajo custodia», dijo Ana Ruiz, directora ejecutiva de Puentes.",
                   "Ana Ruiz", "Ninguna");
}

TEST(MetadataAttribution, StraightQuotesAreQuotationMarks) {
  expect_one_quote("\"Families here want to trust the police,\" said Samuel Ortiz.", "Samuel Ortiz", "Families here");
}

TEST(MetadataAttribution, SpanishAttributionBetweenDashesInsideTheQuote) {
  Attribution a = read("“La frontera no es una zona de desastre —dijo Tomás Herrera, coordinador del programa "
                       "fronterizo—. Aquí viven familias.”");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].speaker, "Tomás Herrera");
  EXPECT_EQ(a.quotes[0].text, "La frontera no es una zona de desastre. Aquí viven familias.")
      << "the interjected attribution is not part of the quote";
}

TEST(MetadataAttribution, PullQuoteSignedWithADash) {
  expect_one_quote("“They showed up, year after year, and this week they were handcuffed for it.” — Ana Ruiz, "
                   "Executive Director, Puentes Human Rights Center",
                   "Ana Ruiz", "They showed");
}

TEST(MetadataAttribution, ColonAfterAClauseThatOpensWithThePerson) {
  expect_one_quote("Lucía Fernández, who leads the legal team, put it simply: “Every week we turn away people we "
                   "would have helped.”",
                   "Lucía Fernández", "Every week");
}

TEST(MetadataAttribution, RoleBeforeTheNameAfterAComma) {
  expect_one_quote("“There was never a reason to lock them up,” said the center's legal director, Lucía Fernández.",
                   "Lucía Fernández", "There was");
}

TEST(MetadataAttribution, RoleRunBeforeTheName) {
  expect_one_quote("“This rule punishes people for how they arrive,” said Puentes Executive Director Ana Ruiz.",
                   "Ana Ruiz", "This rule");
}

TEST(MetadataAttribution, RoleRunBeforeTheNameSaidAfterTheQuote) {
  expect_one_quote("“Every form we cut saves a family an afternoon,” Puentes Senior Staff Attorney Daniel Okafor said.",
                   "Daniel Okafor", "Every form");
}

TEST(MetadataAttribution, OrganisationCommaRoleRunNameSaidAfterTheQuote) {
  Attribution a = read("“The checklist walks you through each requirement in turn,” the center's Office of Legal "
                       "Services, Senior Staff Attorney Daniel Okafor said.");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].speaker, "Daniel Okafor") << describe(a);
}

TEST(MetadataAttribution, ADocumentThatStatesSomethingIsNotASpeaker) {
  Attribution a = read("The Federal Website Policies state that “every agency must offer translations of the pages "
                       "people need most.”");
  for (const Quote& q : a.quotes) EXPECT_NE(q.speaker, "Website Policies") << describe(a);
  EXPECT_EQ(std::count(a.spokespeople.begin(), a.spokespeople.end(), "Website Policies"), 0) << describe(a);
}

TEST(MetadataAttribution, APossessiveBeforeTheNameIsWhoseTheyAre) {
  expect_one_quote("“Every clinic now opens on Saturdays,” Puentes’s Daniel Okafor said.", "Daniel Okafor",
                   "Every clinic");
}

TEST(MetadataAttribution, ASentencesOpeningWordIsNotPartOfTheName) {
  expect_one_quote("Finally Ana Ruiz said: “We will keep the clinic open until every family is seen.”", "Ana Ruiz",
                   "We will keep");
}

TEST(MetadataAttribution, ThePronounIIsNotAName) {
  Attribution a = read("Then I said “we should open the clinic on Saturdays instead of closing it.”");
  for (const Quote& q : a.quotes) EXPECT_EQ(q.speaker, "") << describe(a);
}

TEST(MetadataAttribution, APanelistOrABloggerIsARoleBeforeTheName) {
  expect_one_quote("“Short forms get finished by the people who start them,” said panelist Daniel Okafor.", "Daniel Okafor", "Short forms");
  expect_one_quote("“Short forms get finished by the people who start them,” Blogger Ana Ruiz said.", "Ana Ruiz", "Short forms");
}

TEST(MetadataAttribution, CapitalisedWordsTheReleaseAlsoWritesInLowerCaseAreNotAName) {
  Attribution a = read("Worker Safety said “every site must post its heat plan where workers can read it.”\n\n"
                       "Our worker safety team agrees.");
  for (const Quote& q : a.quotes) EXPECT_EQ(q.speaker, "") << describe(a);
  EXPECT_TRUE(a.spokespeople.empty()) << describe(a);
}

TEST(MetadataAttribution, ANameWhoseWordsTheReleaseAlsoWritesApartIsStillAName) {
  // "mark" and "young" in lower case, but never "mark young".
  Attribution a = read("We mark a turn for young families. “We need this law passed before the session ends,” "
                       "said Rep. Mark Young.\n\n“Every month counts for these families,” Young said.");
  ASSERT_EQ(a.quotes.size(), 2u) << describe(a);
  EXPECT_EQ(a.quotes[0].speaker, "Mark Young") << describe(a);
  EXPECT_EQ(a.quotes[1].speaker, "Mark Young") << describe(a);
}

TEST(MetadataAttribution, KeepsRoleAndOrganisation) {
  Attribution a = read("“Every week we meet people with a real defense,” said Daniel Okafor, Senior Staff Attorney at "
                       "Puentes Human Rights Center.");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].role, "Senior Staff Attorney");
  EXPECT_EQ(a.quotes[0].organisation, "Puentes Human Rights Center");
}

TEST(MetadataAttribution, KeepsTheParagraphTheQuoteStandsIn) {
  const std::string paragraph = "“Shelters cannot plan week to week,” said Carlos Medina, San Diego Office Director.";
  Attribution a = read("SAN DIEGO, CA — Puentes calls for funding.\n\n" + paragraph + "\n\nMore text follows here.");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].paragraph, paragraph);
}

// ---------------------------------------------------------------- canonical names

TEST(MetadataAttribution, TitlesInitialsAndAliasesGiveTheCanonicalName) {
  Attribution a = read("“Green-card holders were pressured,” said Dan Okafor, a senior staff attorney.\n\n"
                       "“Our members remember the lines,” said Dr. Gloria M. Ybarra, president of the league.");
  EXPECT_EQ(a.spokespeople, (Names{"Daniel Okafor", "Gloria Ybarra"})) << describe(a);
}

TEST(MetadataAttribution, SurnameResolvesToTheFullNameUsedEarlier) {
  Attribution a = read("Marisol Quiroga, a tenant on the south side, described the hearing. “The judge asked me two "
                       "questions, and I was out,” said Quiroga.");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].speaker, "Marisol Quiroga");
}

TEST(MetadataAttribution, SurnameSharedWithSomeoneNotQuotedGoesToTheSpeaker) {
  Attribution a = read("“This law turns every traffic stop into a deportation,” said Ana Ruiz.\n\n"
                       "The case went to Judge Carla Ruiz of the district court.\n\n"
                       "“Immigration is a federal responsibility for good reason,” Ruiz said.");
  ASSERT_EQ(a.quotes.size(), 2u) << describe(a);
  EXPECT_EQ(a.quotes[1].speaker, "Ana Ruiz");
  EXPECT_EQ(a.spokespeople, (Names{"Ana Ruiz"}));
}

// ---------------------------------------------------------------- pronouns and paragraph breaks

TEST(MetadataAttribution, PronounIsThePersonSpeakingInTheParagraph) {
  expect_one_quote("Isabel Núñez, Indigenous Rights Liaison at Puentes, said consultation came too late. "
                   "“Consultation is not a courtesy. It is an obligation,” she said.",
                   "Isabel Núñez", "Consultation");
}

TEST(MetadataAttribution, SpanishVerbWithoutSubjectIsThePersonSpeakingInTheParagraph) {
  expect_one_quote("Soto señaló que muchos trabajadores temen quejarse. Maribel Soto lo explicó así. "
                   "«Si alguien pide un descanso, al día siguiente ya no lo llaman», señaló.",
                   "Maribel Soto", "Si alguien");
}

TEST(MetadataAttribution, PronounPrefersThePersonWhoOpensTheSentence) {
  expect_one_quote("Tomás Herrera, Border Program Coordinator at Puentes, was at the Paso del Norte port of entry. "
                   "“She had been waiting since August,” he said.",
                   "Tomás Herrera", "She had");
}

TEST(MetadataAttribution, QuoteAfterAParagraphBreakBelongsToThePersonIntroducedBeforeIt) {
  Attribution a = read("Rosa Delgado, Health Equity Lead at Puentes, said the clinic has found untreated diabetes.\n\n"
                       "“We go where the clinics are not. Those are problems we can solve.”");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].speaker, "Rosa Delgado");
  EXPECT_EQ(a.quotes[0].role, "Health Equity Lead");
}

TEST(MetadataAttribution, QuoteRunningOverAParagraphBreakIsOneQuote) {
  Attribution a = read("“La ley es clara: ningún niño debe pasar más de 72 horas en una estación.\n\n"
                       "“Pedimos que trasladen de inmediato a estos niños”, declaró Elena Vásquez.");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].speaker, "Elena Vásquez");
  EXPECT_NE(a.quotes[0].text.find("\n\nPedimos"), std::string::npos) << a.quotes[0].text;
}

TEST(MetadataAttribution, StatementIntroducedAsTheFollowingStatementBelongsToItsAuthor) {
  Attribution a = read("WASHINGTON — Marcus Bell, Director of Advocacy at Puentes Human Rights Center, issued the "
                       "following statement after the vote:\n\n"
                       "“Border residents already live under cameras and sensors.\n\n"
                       "“That money would be better spent on rescue beacons.”");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].speaker, "Marcus Bell");
}

TEST(MetadataAttribution, PiecesOfOneStatementAroundItsAttributionAreOneQuote) {
  Attribution a = read("“People brought food, and interpreters came at night,” said Carlos Medina, who directs the "
                       "Puentes office in San Diego. “We will be here as long as it takes.”");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].text, "People brought food, and interpreters came at night, We will be here as long as it takes.");
}

TEST(MetadataAttribution, ASecondStatementAfterMoreNarrativeIsAQuoteOfItsOwn) {
  Attribution a = read("“We filed the case today,” said Daniel Okafor. The court will hear it in June. The families are "
                       "waiting in Dilley. “They deserve an answer,” he said.");
  ASSERT_EQ(a.quotes.size(), 2u) << describe(a);
  EXPECT_EQ(a.quotes[1].speaker, "Daniel Okafor");
}

// ---------------------------------------------------------------- not spokespeople, not quotes

TEST(MetadataAttribution, PressContactsAreContactsNotSpokespeople) {
  Attribution a = read("“Shelters cannot plan,” said Carlos Medina.\n\n"
                       "For media inquiries contact Leah Carter, Press Officer, press@puentes.example.org");
  EXPECT_EQ(a.spokespeople, (Names{"Carlos Medina"})) << describe(a);
  EXPECT_EQ(a.contacts, (Names{"Leah Carter"})) << describe(a);
}

TEST(MetadataAttribution, ReadsTheUsualContactLines) {
  const std::vector<std::string> lines = {
      "Media contact: Pablo Ríos, Media Relations, 619-555-0133",
      "Contact: Pablo Ríos, Press Officer",
      "Contacto: Pablo Ríos, Relaciones con los Medios, prensa@puentes.example.org",
      "Para consultas de prensa, comuníquese con Pablo Ríos, Relaciones con los Medios",
      "Pablo Ríos, Media Relations: media@puentes.example.org",
      "Press: Pablo Ríos (press@puentes.example.org)",
      "Para más información, contacte a Pablo Ríos, Relaciones con los Medios."};
  for (const std::string& line : lines) {
    Attribution a = read("TUCSON, AZ — Puentes opened a clinic.\n\n" + line);
    EXPECT_EQ(a.contacts, (Names{"Pablo Ríos"})) << line << describe(a);
    EXPECT_TRUE(a.spokespeople.empty()) << line << describe(a);
  }
}

TEST(MetadataAttribution, PeopleMentionedButNotQuotedAreNotSpokespeople) {
  Attribution a = read("The report was reviewed by Dr. Amy Chen of the University of Arizona. Gov. Dale Harmon said "
                       "the law was needed.\n\n“Workers are not imagining it,” said Maribel Soto.");
  EXPECT_EQ(a.spokespeople, (Names{"Maribel Soto"})) << describe(a);
}

TEST(MetadataAttribution, AnUnnamedSourceKeepsAnEmptySpeaker) {
  Attribution a = read("“We want counsellors we can talk to, not officers we are afraid of,” one sophomore wrote.");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].speaker, "");
  EXPECT_TRUE(a.spokespeople.empty());
}

TEST(MetadataAttribution, ShortQuotedPhrasesAreNotQuotes) {
  Attribution a = read("The so-called “Remain in Mexico” policy sent people back. Officers said the port was \"full\" "
                       "and told families to \"come back later.\"");
  EXPECT_TRUE(a.quotes.empty()) << describe(a);
}

TEST(MetadataAttribution, AQuotedTitleGetsNoSpeakerFromThePeopleAroundIt) {
  // Neither the paragraph's subject nor a capitalised name before it speaks a
  // title or a phrase in quotes; a statement there would be theirs.
  Attribution a = read("The Department of Labor’s Worker Safety Challenge asked developers for apps. The winner was "
                       "“Know Your Rights at Work” and you can see the others here.\n\n"
                       "Samuel Ortiz judged it. He called the entries “timely”.");
  EXPECT_TRUE(a.quotes.empty()) << describe(a);
  expect_one_quote("Samuel Ortiz judged the challenge. “Every entry showed how much families need to know,” he said.",
                   "Samuel Ortiz", "Every entry");
}

TEST(MetadataAttribution, DatelineCapitalsAreNotAName) {
  Attribution a = read("EL PASO, TX — “Families are waiting at the bridge tonight,” said Tomás Herrera.");
  EXPECT_EQ(a.spokespeople, (Names{"Tomás Herrera"})) << describe(a);
}

// ---------------------------------------------------------------- spokespeople without quotes

TEST(MetadataAttribution, WhoListNamesAreSpokespeople) {
  Attribution a = read("SAN DIEGO, CA — Faith leaders will speak.\n\n"
                       "WHO: Carlos Medina, San Diego Office Director, Puentes Human Rights Center; Rev. Alma Torres, "
                       "pastor of Iglesia del Buen Pastor; asylum seekers who will speak in Spanish");
  EXPECT_EQ(a.spokespeople, (Names{"Carlos Medina", "Alma Torres"})) << describe(a);
}

TEST(MetadataAttribution, WhoListItemsBelowTheLabelAreSpokespeople) {
  Attribution a = read("QUIÉN:\n\n- Rosa Delgado, responsable de equidad en salud de Puentes\n\n"
                       "- Personal médico voluntario de las clínicas comunitarias\n\n"
                       "“Muchas familias trabajan seis días a la semana”, dijo Rosa Delgado.");
  EXPECT_EQ(a.spokespeople, (Names{"Rosa Delgado"})) << describe(a);
}

TEST(MetadataAttribution, TheBylinesAuthorIsASpokesperson) {
  EXPECT_EQ(read("By Priya Raman, Policy Analyst, Puentes Human Rights Center\n\nIn the highlands, farmers measure "
                 "time by the rains.")
                .spokespeople,
            (Names{"Priya Raman"}));
  EXPECT_EQ(read("Por Henry Lin\n\nCada dos años, miles de votantes llegan a su casilla.").spokespeople,
            (Names{"Henry Lin"}));
}

TEST(MetadataAttribution, TheWitnessOfATestimonyIsASpokesperson) {
  EXPECT_EQ(read("PHOENIX, AZ — The following testimony was delivered by Rosa Delgado, Health Equity Lead, before the "
                 "committee.\n\nChair and members of the committee, my name is Rosa Delgado.")
                .spokespeople,
            (Names{"Rosa Delgado"}));
  EXPECT_EQ(read("WASHINGTON — Testimony of Lucía Fernández, Legal Director, before the subcommittee.").spokespeople,
            (Names{"Lucía Fernández"}));
  EXPECT_EQ(read("WASHINGTON — Lucía Fernández, Legal Director, and Daniel Okafor, Senior Staff Attorney, testified "
                 "today on behalf of Puentes.")
                .spokespeople,
            (Names{"Lucía Fernández", "Daniel Okafor"}));
}

TEST(MetadataAttribution, TheSignersOfALetterAreSpokespeople) {
  EXPECT_EQ(read("PHOENIX, AZ — Puentes today sent the following letter to the Governor, signed by Priya Raman, Policy "
                 "Analyst, and Naomi Pierce, Housing Justice Organizer, asking for a plan.")
                .spokespeople,
            (Names{"Priya Raman", "Naomi Pierce"}));
  EXPECT_EQ(read("Dear Secretary:\n\nWe write to urge you to act.\n\nSincerely,\n\nMarcus Bell\nDirector of Advocacy\n\n"
                 "Lucía Fernández\nLegal Director")
                .spokespeople,
            (Names{"Marcus Bell", "Lucía Fernández"}));
}

TEST(MetadataAttribution, FirstPersonQuoteBelongsToTheAuthor) {
  Attribution a = read("By Naomi Pierce\n\n“Stable housing protects everyone from the virus,” I told a tenant meeting.");
  ASSERT_EQ(a.quotes.size(), 1u) << describe(a);
  EXPECT_EQ(a.quotes[0].speaker, "Naomi Pierce");
}

}  // namespace
}  // namespace pressroom
