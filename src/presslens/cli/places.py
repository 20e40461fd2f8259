"""Commands for places: list or export a store's places, build a bigger gazetteer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Optional

import typer

from presslens.core.errors import InputError
from presslens.places.gazetteer import build_from_geonames, load_gazetteer
from presslens.store.places import store_geojson, store_places
from presslens.store.sqlite import Store

from . import app, print_json
from .output import CsvOption, JsonOption, emit, field, note, output_format

gazetteer_app = typer.Typer(no_args_is_help=True, help="Build a bigger offline gazetteer, or look names up in it.")
app.add_typer(gazetteer_app, name="gazetteer")


@app.command()
def places(db: Annotated[Path, typer.Option("--db", help="SQLite store file.")],
           geojson: Annotated[Optional[Path], typer.Option("--geojson", help="Write a GeoJSON FeatureCollection here ('-' for stdout).")] = None,
           article: Annotated[Optional[str], typer.Option("--article", help="Only this article (id or unique prefix).")] = None,
           as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """List the places of a store, or export them as GeoJSON."""
    with Store(db, create=False) as store:
        if geojson is not None:
            collection = store_geojson(store, article)
            if str(geojson) == "-":
                print_json(collection)
            else:
                geojson.write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")
                note(f"{len(collection['features'])} located places written to {geojson}")
            return
        rows = store_places(store, article)
    def degrees(key: str):
        return lambda row: "" if row[key] is None else f"{row[key]:.3f}"

    emit(rows, output_format(as_json, as_csv), f"{len(rows)} place mentions",
         [("article", lambda row: row["article_id"][:10]), ("text", field("text")), ("name", field("name", "")),
          ("feature", field("feature", "")), ("country", field("country", "")), ("lat", degrees("lat")),
          ("lon", degrees("lon"))])


@gazetteer_app.command("build")
def gazetteer_build(geonames: Annotated[Path, typer.Option("--geonames", help="A GeoNames dump (allCountries.txt format).")],
                    min_population: Annotated[int, typer.Option(help="Skip populated places smaller than this.")] = 0,
                    out: Annotated[Optional[Path], typer.Option(help="Where to write it (default: the user cache, used from then on).")] = None) -> None:
    """Build a bigger gazetteer from a GeoNames dump you have; presslens uses it from then on."""
    if not geonames.exists():
        raise InputError(f"no GeoNames file at {geonames}")
    path = build_from_geonames(geonames, min_population, out)
    note(f"gazetteer written to {path}")


@gazetteer_app.command("lookup")
def gazetteer_lookup(name: Annotated[str, typer.Argument(help="A place name or demonym.")],
                     as_json: JsonOption = False, as_csv: CsvOption = False) -> None:
    """List the gazetteer entries a name (or demonym) can refer to."""
    gaz = load_gazetteer()
    entries = gaz.lookup(name) + gaz.lookup_demonym(name)
    columns = ("name", "feature", "country", "lat", "lon", "population", "geonameid")
    emit([e._asdict() for e in entries], output_format(as_json, as_csv), f"{len(entries)} entries for {name!r}",
         [(c, field(c, "")) for c in columns])
