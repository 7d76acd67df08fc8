<div class="lwt-cover">
  <h1>{{ config.site_name }}</h1>
  <p class="lwt-cover__sub">{{ config.site_description }}</p>
  <p>Stand van de regels: {{ config.extra.peildatum }} &middot; versie {{ config.extra.rules_version }}</p>
  <p>Geen juridisch advies. De bronnen staan bij elke regel.</p>
</div>
