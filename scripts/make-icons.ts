// Renders resources/icon.svg to the PNG sizes electron-builder and the window use (run by hand after editing the SVG).
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/browser'

async function main(): Promise<void> {
  const svg = readFileSync(resolve(__dirname, '../resources/icon.svg'), 'utf8')
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  for (const size of [1024, 512, 256, 128, 64, 32]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } })
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`)
    const name = size === 512 ? 'icon.png' : `icons/${size}x${size}.png`
    await page.screenshot({ path: resolve(__dirname, '../resources', name), omitBackground: true })
    await page.close()
  }
  await browser.close()
}
void main()
