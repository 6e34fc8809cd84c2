// Specification of common/language_detector.h: English or Spanish from the
// function words of a text, and no guess when the text cannot tell.
#include "common/language_detector.h"

#include <gtest/gtest.h>

namespace pressroom {
namespace {

TEST(MetadataLanguage, DetectsEnglish) {
  EXPECT_EQ(detect_language("Puentes Human Rights Center today called on the county to restore the "
                            "funding that shelters need for the families who arrive every week."),
            "en");
}

TEST(MetadataLanguage, DetectsSpanish) {
  EXPECT_EQ(detect_language("Puentes Human Rights Center pidió hoy al condado que restablezca los fondos "
                            "que necesitan los albergues para las familias que llegan cada semana."),
            "es");
}

TEST(MetadataLanguage, SpanishPlaceNamesDoNotMakeEnglishSpanish) {
  EXPECT_EQ(detect_language("Volunteers in El Paso, Los Angeles and Las Cruces met with families at the "
                            "Iglesia de la Cruz before the hearing."),
            "en");
}

TEST(MetadataLanguage, IgnoresCaseAndAccents) {
  EXPECT_EQ(detect_language("LOS TRABAJADORES DEL CAMPO PIDEN MÁS AGUA Y SOMBRA PARA QUE NADIE MUERA POR EL CALOR"),
            "es");
}

TEST(MetadataLanguage, ReadsOnlyTheOpeningOfALongText) {
  std::string text;
  for (int i = 0; i < 50; ++i) text += "La familia y los ni\xC3\xB1os que viven en la frontera piden ayuda. ";
  for (int i = 0; i < 200; ++i) text += "The families and the children who live at the border ask for help. ";
  EXPECT_EQ(detect_language(text), "es") << "the first 3000 bytes are mostly Spanish";
}

TEST(MetadataLanguage, MakesNoGuessFromTooLittleText) {
  EXPECT_EQ(detect_language("COVID-19"), "");
  EXPECT_EQ(detect_language("Tucson, AZ"), "");
  EXPECT_EQ(detect_language(""), "");
}

TEST(MetadataLanguage, MakesNoGuessFromEvenlyMixedText) {
  EXPECT_EQ(detect_language("the families and the children of the border — las familias y los niños que viven en la "
                            "frontera de este país"),
            "");
}

}  // namespace
}  // namespace pressroom
