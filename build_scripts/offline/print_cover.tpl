{#- Cover page of the PDF (print-site plugin). Jinja; `config` is the MkDocs config.
    config.extra.peildatum (YYYY-MM-DD) and config.extra.rules_version are set by the build hook. -#}
{%- set months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"] -%}
{%- set iso = config.extra.peildatum -%}
{%- set datum = (iso[8:10] | int) ~ " " ~ months[(iso[5:7] | int) - 1] ~ " " ~ iso[0:4] -%}
<div class="lwt-cover">
  <p class="lwt-cover__kicker">Naslag voor scholen, leerbedrijven en ouders</p>
  <h1 class="lwt-cover__title">{{ config.site_name }}</h1>
  <p class="lwt-cover__sub">{{ config.site_description }}</p>
  <dl class="lwt-cover__facts">
    <dt>Stand van de informatie</dt>
    <dd>{{ datum }}</dd>
    <dt>Versie van de regels</dt>
    <dd>{{ config.extra.rules_version }}</dd>
  </dl>
  <div class="lwt-cover__notes">
    <p>Deze PDF is een afdruk van de website op de datum hierboven. Regels kunnen daarna zijn veranderd:
      kijk bij twijfel op de website of in de wettekst.</p>
    <p>De rekenhulpen staan hierin als lege formulieren om met de hand in te vullen. Op de website
      rekenen ze zelf.</p>
    <p><strong>Geen juridisch advies.</strong> Bij elke regel staan de bron en hoe zeker die regel is.</p>
  </div>
</div>
<style>
  @page { @bottom-left { content: "{{ config.site_name }} · stand {{ datum }}"; } }
  @page :first { @bottom-left { content: none; } }
</style>
